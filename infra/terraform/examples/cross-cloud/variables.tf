variable "mappings_file" {
  description = "Route-mappings file: provisions the cloud side and is mounted into the gateway. Relative paths are relative to the directory terraform runs in (this example's)."
  type        = string
  default     = "../../../../mappings/cross-cloud.yaml"
}

# --- Clouds -------------------------------------------------------------------------------------

variable "aws_region" {
  description = "AWS region of the AWS sources."
  type        = string
  default     = "eu-west-1"
}

variable "gcp_project" {
  description = "Default Google Cloud project (for sources whose topic path names none)."
  type        = string
  default     = null
}

variable "azure_subscription_id" {
  description = "Azure subscription. Null: from ARM_SUBSCRIPTION_ID."
  type        = string
  default     = null
}

variable "aws_sources" {
  description = "Per AWS source (by name): bucket, delivery (s3 | eventbridge), filter_prefix, filter_suffixes. See examples/aws for the meaning."
  type = map(object({
    bucket          = optional(string)
    delivery        = optional(string)
    filter_prefix   = optional(string)
    filter_suffixes = optional(list(string))
  }))
  default  = {}
  nullable = false
}

variable "gcp_sources" {
  description = "Per Google Cloud source (by name): bucket, object_name_prefix, create_topic, subscription_name. See examples/gcp for the meaning."
  type = map(object({
    bucket             = optional(string)
    object_name_prefix = optional(string)
    create_topic       = optional(bool)
    subscription_name  = optional(string)
  }))
  default  = {}
  nullable = false
}

variable "azure_sources" {
  description = "Per azure-eventgrid source (by name): storage_account_id (required; one source per storage account here), container, blob_prefix, blob_suffixes. See examples/azure for sharing an account."
  type = map(object({
    storage_account_id = string
    container          = optional(string)
    blob_prefix        = optional(string)
    blob_suffixes      = optional(list(string))
  }))
  default  = {}
  nullable = false
}

variable "eventgrid_secrets" {
  description = "Secret of each azure-eventgrid source whose secret is a $${VAR} reference, keyed by source name. The gateway gets it as VAR (from a Kubernetes Secret), Event Grid in the webhook URL."
  type        = map(string)
  default     = {}
  nullable    = false
  sensitive   = true
}

# --- Gateway ------------------------------------------------------------------------------------

variable "kubeconfig_path" {
  description = "Kubeconfig of the cluster with Knative Serving and Eventing installed."
  type        = string
  default     = "~/.kube/config"
}

variable "kube_context" {
  description = "Kubeconfig context. Null: the current one."
  type        = string
  default     = null
}

variable "gateway_image" {
  description = "Gateway container image, pinned (tag or digest)."
  type        = string
}

variable "gateway_namespace" {
  description = "Namespace of the gateway and of brokers whose sink names none."
  type        = string
  default     = "default"
}

variable "gateway_service_account_name" {
  description = "Kubernetes service account of the gateway (bound to cloud identities with workload identity)."
  type        = string
  default     = null
}

variable "gateway_url" {
  description = "Public HTTPS URL that reaches the Knative Service (domain mapping or ingress); push sources deliver to {gateway_url}/sources/{name}."
  type        = string
}

variable "gateway_role_name" {
  description = "AWS IAM role the gateway runs as (e.g. via IRSA); gets each AWS source's policy."
  type        = string
  default     = null
}

variable "gateway_member" {
  description = "Google IAM member the gateway runs as; gets subscriber on pull subscriptions."
  type        = string
  default     = null
}

variable "triggers" {
  description = "Knative Triggers on the brokers the gateway feeds (see modules/gateway)."
  type = map(object({
    broker            = string
    namespace         = optional(string)
    filter_attributes = optional(map(string), {})
    subscriber_uri    = optional(string)
    subscriber_ref = optional(object({
      api_version = string
      kind        = string
      name        = string
      namespace   = optional(string)
    }))
  }))
  default = {}
}

variable "eventgrid_sink_resource_group" {
  description = "Existing resource group the Event Grid topics of azure-eventgrid sinks are created in."
  type        = string
  default     = null
}

variable "gateway_principal_id" {
  description = "Object id of the gateway's Microsoft Entra identity: gets EventGrid Data Sender on the sinks' topics. Null: none (the gateway uses the topic keys)."
  type        = string
  default     = null
}
