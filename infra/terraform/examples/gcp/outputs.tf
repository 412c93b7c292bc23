output "sources" {
  description = "Google Cloud sources of the mappings file that were provisioned, with their type."
  value       = { for name, s in local.gcp_sources : name => s.type }
}

output "topics" {
  description = "Topic of each source (projects/P/topics/T)."
  value       = { for name, m in module.source : name => m.topic_id }
}

output "subscriptions" {
  description = "Subscription of each source; for gcp-pubsub it is the source's subscription."
  value       = { for name, m in module.source : name => m.subscription_id }
}

output "push_endpoints" {
  description = "Push endpoint of each gcp-pubsub-push source."
  value       = { for name, m in module.source : name => m.push_endpoint if m.push_endpoint != null }
}

output "dead_letter_subscriptions" {
  description = "Subscription that keeps each source's dead letters."
  value       = { for name, m in module.source : name => m.dead_letter_subscription_id }
}
