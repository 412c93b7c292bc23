output "gateway_url" {
  description = "URL Knative assigned to the gateway."
  value       = module.gateway.url
}

output "brokers" {
  description = "Knative brokers created for the knative-broker sinks."
  value       = module.gateway.brokers
}

output "sources" {
  description = "Sources of the mappings file provisioned per cloud."
  value = {
    aws   = keys(local.aws_sources)
    gcp   = keys(local.gcp_sources)
    azure = keys(local.azure_sources)
  }
}

output "aws_queue_urls" {
  description = "Queue URL of each aws-sqs source."
  value       = { for name, m in module.aws_source : name => m.queue_url if m.queue_url != null }
}

output "gcp_subscriptions" {
  description = "Subscription of each Google Cloud source."
  value       = { for name, m in module.gcp_source : name => m.subscription_id }
}

output "azure_endpoints" {
  description = "Endpoint each azure-eventgrid source's subscription delivers to (secret not shown)."
  value       = { for name, m in module.azure_source : name => m.endpoint }
}
