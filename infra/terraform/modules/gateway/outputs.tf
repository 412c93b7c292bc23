output "url" {
  description = "URL Knative assigned to the gateway (status.url of the Service); sources are at {url}/sources/{name}. Expose it publicly (domain mapping, ingress) for push sources."
  value       = try(kubernetes_manifest.service.object.status.url, null)
}

output "service_name" {
  description = "Name of the Knative Service running the gateway."
  value       = var.name
}

output "config_map_name" {
  description = "Name of the ConfigMap that holds the mappings file."
  value       = kubernetes_config_map_v1.mappings.metadata[0].name
}

output "mappings_path" {
  description = "Path of the mappings file inside the container (the value of TRIBUTARY_MAPPINGS)."
  value       = "${var.mount_path}/${local.mappings_file}"
}

output "brokers" {
  description = "Brokers created for the knative-broker sinks, as namespace/name."
  value       = keys(kubernetes_manifest.broker)
}

output "broker_urls" {
  description = "Ingress URLs of the brokers created here, keyed by namespace/name."
  value       = { for key, b in kubernetes_manifest.broker : key => try(b.object.status.address.url, null) }
}
