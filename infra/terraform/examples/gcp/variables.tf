variable "mappings_file" {
  description = "Route-mappings file, the same one the gateway runs with. Relative paths are relative to the directory terraform runs in (this example's)."
  type        = string
  default     = "../../../../mappings/gcp.yaml"
}

variable "project" {
  description = "Default project: used for sources whose topic / subscription paths in the mappings file do not name one literally."
  type        = string
  default     = null
}

variable "gcp_sources" {
  description = <<-EOT
    What the mappings file does not say about each Google Cloud source, keyed by source name.
    Every attribute is optional (null: the gcp-source module's default):
      bucket: Cloud Storage bucket whose notifications are published to the topic;
      event_types: e.g. ["OBJECT_FINALIZE"];
      object_name_prefix: object name prefix filtered in the cloud (no suffix filter exists);
      create_topic: false when the topic exists already;
      topic_name: when the source's topic is absent or a $${VAR} reference;
      subscription_name: gcp-pubsub-push: name of the push subscription;
      max_delivery_attempts: deliveries before the dead-letter topic;
      ack_deadline_seconds: subscription acknowledgement deadline;
      create_push_service_account: create the push service account named in the source.
  EOT
  type = map(object({
    bucket                      = optional(string)
    event_types                 = optional(list(string))
    object_name_prefix          = optional(string)
    create_topic                = optional(bool)
    topic_name                  = optional(string)
    subscription_name           = optional(string)
    max_delivery_attempts       = optional(number)
    ack_deadline_seconds        = optional(number)
    create_push_service_account = optional(bool)
  }))
  default  = {}
  nullable = false
}

variable "gateway_url" {
  description = "Public HTTPS base URL of the gateway; gcp-pubsub-push sources are pushed to {gateway_url}/sources/{name}. Required when the mappings have a push source."
  type        = string
  default     = null
}

variable "gateway_member" {
  description = "IAM member the gateway runs as (e.g. serviceAccount:tributary@P.iam.gserviceaccount.com); granted subscriber on every pull subscription. Null: no binding."
  type        = string
  default     = null
}

variable "labels" {
  description = "Labels of the topics and subscriptions."
  type        = map(string)
  default     = { "app" = "tributary" }
}
