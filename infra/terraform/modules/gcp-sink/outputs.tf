output "topic_id" {
  description = "The created topic, projects/PROJECT/topics/TOPIC."
  value       = google_pubsub_topic.main.id
}
