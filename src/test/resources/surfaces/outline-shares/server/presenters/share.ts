import type { Share } from "@server/models";

export default function presentShare(share: Share, options: { isAdmin?: boolean } = {}) {
  const data = {
    id: share.id,
    documentId: share.documentId,
    published: share.published,
    url: share.canonicalUrl,
    urlId: share.urlId,
    lastAccessedAt: share.lastAccessedAt || undefined,
    views: share.views || 0,
    domain: share.domain,
  };

  if (!options.isAdmin) {
    delete data.lastAccessedAt;
  }

  return data;
}
