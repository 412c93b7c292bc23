data "google_project" "this" {
  project_id = var.project
}

locals {
  is_push    = var.type == "gcp-pubsub-push"
  has_bucket = var.bucket != null

  topic_id          = "projects/${var.project}/topics/${var.topic_name}"
  subscription_name = coalesce(var.subscription_name, "tributary-${var.name}")
  dead_letter_name  = "${local.subscription_name}-dead-letter"

  # Pub/Sub's service agent forwards dead letters and mints the push OIDC tokens.
  pubsub_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"

  push_endpoint   = var.gateway_url == null ? null : "${trimsuffix(var.gateway_url, "/")}/sources/${var.name}"
  push_sa_id      = var.push_service_account == null ? null : split("@", var.push_service_account)[0]
  push_sa_project = var.push_service_account == null ? null : regex("@([^.]+)\\.iam\\.gserviceaccount\\.com$", var.push_service_account)[0]
  labels          = merge(var.labels, { "tributary-source" = lower(replace(var.name, "_", "-")) })
}

# --- Topics -----------------------------------------------------------------------------------

resource "google_pubsub_topic" "main" {
  count = var.create_topic ? 1 : 0

  project = var.project
  name    = var.topic_name
  labels  = local.labels
}

resource "google_pubsub_topic" "dead_letter" {
  project = var.project
  name    = local.dead_letter_name
  labels  = local.labels
}

# Dead letters are kept in a subscription of their own, to be inspected or replayed.
resource "google_pubsub_subscription" "dead_letter" {
  project                    = var.project
  name                       = local.dead_letter_name
  topic                      = google_pubsub_topic.dead_letter.id
  message_retention_duration = "604800s"
  labels                     = local.labels

  expiration_policy {
    ttl = ""
  }
}

resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  project = var.project
  topic   = google_pubsub_topic.dead_letter.name
  role    = "roles/pubsub.publisher"
  member  = local.pubsub_agent
}

# --- Cloud Storage notifications --------------------------------------------------------------

data "google_storage_project_service_account" "gcs" {
  count = local.has_bucket ? 1 : 0

  project = var.project
}

resource "google_pubsub_topic_iam_member" "gcs_publisher" {
  count = local.has_bucket ? 1 : 0

  project = var.project
  topic   = var.topic_name
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${data.google_storage_project_service_account.gcs[0].email_address}"

  depends_on = [google_pubsub_topic.main]
}

resource "google_storage_notification" "bucket" {
  count = local.has_bucket ? 1 : 0

  bucket             = var.bucket
  payload_format     = "JSON_API_V1"
  topic              = local.topic_id
  event_types        = var.event_types
  object_name_prefix = var.object_name_prefix != "" ? var.object_name_prefix : null
  custom_attributes = {
    "tributary-source" = var.name
  }

  # Cloud Storage checks its permission to publish when the notification is created.
  depends_on = [google_pubsub_topic_iam_member.gcs_publisher]
}

# --- Push identity ----------------------------------------------------------------------------

resource "google_service_account" "push" {
  count = local.is_push && var.create_push_service_account ? 1 : 0

  project      = var.project
  account_id   = local.push_sa_id
  display_name = "Tributary push for source ${var.name}"
  description  = "Identity in the OIDC token Pub/Sub sends to the Tributary gateway for source ${var.name}."

  lifecycle {
    precondition {
      condition     = endswith(coalesce(var.push_service_account, "-"), "@${var.project}.iam.gserviceaccount.com")
      error_message = "create_push_service_account needs push_service_account to be NAME@${var.project}.iam.gserviceaccount.com."
    }
  }
}

# Lets the Pub/Sub service agent mint tokens for the push service account.
resource "google_service_account_iam_member" "push_token_creator" {
  count = local.is_push ? 1 : 0

  service_account_id = var.create_push_service_account ? google_service_account.push[0].name : "projects/${local.push_sa_project}/serviceAccounts/${var.push_service_account}"
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = local.pubsub_agent
}

# --- Subscription -----------------------------------------------------------------------------

resource "google_pubsub_subscription" "main" {
  project                    = var.project
  name                       = local.subscription_name
  topic                      = local.topic_id
  ack_deadline_seconds       = var.ack_deadline_seconds
  message_retention_duration = var.message_retention_duration
  labels                     = local.labels

  expiration_policy {
    ttl = ""
  }

  retry_policy {
    minimum_backoff = var.minimum_backoff
    maximum_backoff = var.maximum_backoff
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter.id
    max_delivery_attempts = var.max_delivery_attempts
  }

  dynamic "push_config" {
    for_each = local.is_push ? [1] : []
    content {
      push_endpoint = local.push_endpoint

      oidc_token {
        service_account_email = var.push_service_account
        audience              = var.push_audience
      }
    }
  }

  depends_on = [
    google_pubsub_topic.main,
    google_pubsub_topic_iam_member.dead_letter_publisher,
    google_service_account_iam_member.push_token_creator,
  ]

  lifecycle {
    precondition {
      condition     = local.is_push || var.subscription_name != null
      error_message = "Source '${var.name}' is of type gcp-pubsub: subscription_name is required (the S of its subscription projects/P/subscriptions/S)."
    }
    precondition {
      condition     = !local.is_push || (var.gateway_url != null && var.push_service_account != null)
      error_message = "Source '${var.name}' is of type gcp-pubsub-push: gateway_url and push_service_account (its serviceAccount) are required."
    }
  }
}

# Pub/Sub's service agent must be able to acknowledge what it forwards to the dead-letter topic.
resource "google_pubsub_subscription_iam_member" "dead_letter_subscriber" {
  project      = var.project
  subscription = google_pubsub_subscription.main.name
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_agent
}

# --- The gateway's permissions (pull) ---------------------------------------------------------

resource "google_pubsub_subscription_iam_member" "gateway" {
  for_each = !local.is_push && var.gateway_member != null ? toset(["roles/pubsub.subscriber", "roles/pubsub.viewer"]) : toset([])

  project      = var.project
  subscription = google_pubsub_subscription.main.name
  role         = each.value
  member       = var.gateway_member
}
