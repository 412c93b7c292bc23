locals {
  path = regex("^projects/([^/]+)/topics/([^/]+)$", var.topic)
}

resource "google_pubsub_topic" "main" {
  project = local.path[0]
  name    = local.path[1]
  labels  = merge(var.labels, { "tributary-sink" = lower(var.name) })
}

resource "google_pubsub_topic_iam_member" "publisher" {
  count = var.gateway_member != null ? 1 : 0

  project = google_pubsub_topic.main.project
  topic   = google_pubsub_topic.main.name
  role    = "roles/pubsub.publisher"
  member  = var.gateway_member
}
