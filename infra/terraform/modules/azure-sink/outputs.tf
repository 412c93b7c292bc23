output "endpoint" {
  description = "The topic endpoint, to compare with the sink's endpoint."
  value       = azurerm_eventgrid_topic.main.endpoint
}

output "primary_access_key" {
  description = "The topic key the gateway sends as aeg-sas-key (the sink's key option, given to the gateway through the environment)."
  value       = azurerm_eventgrid_topic.main.primary_access_key
  sensitive   = true
}
