use activitypub_federation::config::Data;
use actix_web::web::Json;
use lemmy_api_common::{context::LemmyContext, site::{EditSite, SiteResponse}};
use lemmy_db_schema::source::{local_site::LocalSite, tagline::Tagline};
use lemmy_utils::error::LemmyResult;

pub async fn update_site(
  data: Json<EditSite>,
  context: Data<LemmyContext>,
) -> LemmyResult<Json<SiteResponse>> {
  let local_site = LocalSite::read(&mut context.pool()).await?;
  // Named like tagline's column, but a plain value of this function.
  let local_site_id = local_site.id;
  let content = data.taglines.clone();
  let taglines = Tagline::replace(&mut context.pool(), local_site_id, content).await?;
  Ok(Json(SiteResponse { taglines }))
}
