import type { SaveOptions } from "sequelize";
import {
  BelongsTo,
  Column,
  DataType,
  Default,
  ForeignKey,
  Table,
  BeforeUpdate,
} from "sequelize-typescript";
import env from "@server/env";
import Document from "./Document";
import Team from "./Team";
import IdModel from "./base/IdModel";

@Table({ tableName: "shares", modelName: "share" })
class Share extends IdModel {
  @Column(DataType.BOOLEAN)
  published: boolean;

  @Column(DataType.DATE)
  revokedAt: Date | null;

  @Column(DataType.DATE)
  lastAccessedAt: Date | null;

  @Default(0)
  @Column(DataType.INTEGER)
  views: number;

  @Column(DataType.STRING)
  urlId: string | null | undefined;

  @Column(DataType.STRING)
  domain: string | null;

  @BelongsTo(() => Document, "documentId")
  document: Document | null;

  @ForeignKey(() => Document)
  @Column(DataType.UUID)
  documentId: string | null;

  @BeforeUpdate
  static async checkDomain(model: Share, options: SaveOptions) {
    if (!model.domain) {
      return model;
    }
    model.domain = model.domain.toLowerCase();
    const count = await Team.count({ ...options, where: { domain: model.domain } });
    return count;
  }

  get isRevoked() {
    return !!this.revokedAt;
  }

  get canonicalUrl() {
    return this.domain ? `https://${this.domain}` : `${env.URL}/s/${this.urlId}`;
  }
}

export default Share;
