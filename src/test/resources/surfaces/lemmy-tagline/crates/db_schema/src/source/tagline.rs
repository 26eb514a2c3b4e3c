use crate::newtypes::LocalSiteId;
#[cfg(feature = "full")]
use crate::schema::tagline;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(PartialEq, Eq, Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "full", derive(Queryable, Selectable, Associations, Identifiable))]
#[cfg_attr(feature = "full", diesel(table_name = tagline))]
#[cfg_attr(feature = "full", diesel(belongs_to(crate::source::local_site::LocalSite)))]
/// A tagline, shown at the top of your site.
pub struct Tagline {
  pub id: i32,
  pub local_site_id: LocalSiteId,
  pub content: String,
  pub published: DateTime<Utc>,
  pub updated: Option<DateTime<Utc>>,
}

#[derive(Clone, Default)]
#[cfg_attr(feature = "full", derive(Insertable, AsChangeset))]
#[cfg_attr(feature = "full", diesel(table_name = tagline))]
pub struct TaglineForm {
  pub local_site_id: LocalSiteId,
  pub content: String,
  pub updated: Option<DateTime<Utc>>,
}
