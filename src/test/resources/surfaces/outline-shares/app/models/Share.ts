import { observable } from "mobx";

/** The browser's own Share: what the API returns, never the server's Sequelize model. */
class Share {
  id: string;

  @observable
  published: boolean;

  @observable
  urlId: string;

  @observable
  lastAccessedAt: string | undefined;

  @observable
  views: number;

  async save(fields: Partial<Share>) {
    Object.assign(this, fields);
  }
}

export default Share;
