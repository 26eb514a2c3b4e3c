import { observer } from "mobx-react";
import * as React from "react";
import type Share from "~/models/Share";

type Props = {
  share: Share | null | undefined;
};

function PublicAccess({ share }: Props) {
  const publish = async (checked: boolean) => {
    await share?.save({ published: checked });
  };
  const rename = async (share: Share, val: string) => {
    if (share.urlId !== val) {
      await share.save({ urlId: val });
    }
  };
  return share?.published ? <p onClick={() => rename(share, "x")}>{share.views}</p> : null;
}

export default observer(PublicAccess);
