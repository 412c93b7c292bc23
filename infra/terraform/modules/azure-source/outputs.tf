output "system_topic_name" {
  description = "Name of the Event Grid system topic of the storage account."
  value       = var.create_system_topic ? azurerm_eventgrid_system_topic.storage[0].name : local.system_topic_name
}

output "event_subscription_id" {
  description = "Id of the event subscription that delivers to the gateway."
  value       = azurerm_eventgrid_system_topic_event_subscription.gateway.id
}

output "endpoint" {
  description = "URL Event Grid delivers to, without the secret: {gateway_url}/sources/{name}."
  value       = local.endpoint
}

output "webhook_url" {
  description = "URL Event Grid delivers to, secret query parameter included."
  value       = local.webhook_url
  sensitive   = true
}

output "dead_letter_container" {
  description = "Blob container that receives events Event Grid could not deliver, as storage-account-id/container."
  value       = "${local.dead_letter_account_id}/${var.dead_letter_container}"
}
