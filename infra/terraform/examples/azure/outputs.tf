output "sources" {
  description = "azure-eventgrid sources of the mappings file that were provisioned."
  value       = keys(local.azure_sources)
}

output "endpoints" {
  description = "URL each source's event subscription delivers to (secret not shown)."
  value       = { for name, m in module.source : name => m.endpoint }
}

output "system_topics" {
  description = "Event Grid system topic of each source."
  value       = { for name, m in module.source : name => m.system_topic_name }
}

output "dead_letter_containers" {
  description = "Where each source's undeliverable events are kept (storage-account-id/container)."
  value       = { for name, m in module.source : name => m.dead_letter_container }
}
