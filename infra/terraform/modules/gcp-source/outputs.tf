output "topic_id" {
  description = "Topic the source reads from, projects/P/topics/T: the source's topic."
  value       = local.topic_id
}

output "subscription_id" {
  description = "Subscription, projects/P/subscriptions/S: the `subscription` of a `gcp-pubsub` source."
  value       = google_pubsub_subscription.main.id
}

output "dead_letter_topic_id" {
  description = "Topic that receives messages delivered max_delivery_attempts times without acknowledgement."
  value       = google_pubsub_topic.dead_letter.id
}

output "dead_letter_subscription_id" {
  description = "Subscription that keeps the dead letters for inspection or replay."
  value       = google_pubsub_subscription.dead_letter.id
}

output "push_endpoint" {
  description = "URL Pub/Sub pushes to ({gateway_url}/sources/{name}) for `gcp-pubsub-push`; null for pull."
  value       = local.is_push ? local.push_endpoint : null
}

output "notification_id" {
  description = "Id of the Cloud Storage notification; null when no bucket is set."
  value       = local.has_bucket ? google_storage_notification.bucket[0].notification_id : null
}
