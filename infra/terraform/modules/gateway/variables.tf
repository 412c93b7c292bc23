variable "name" {
  description = "Name of the Knative Service (and prefix of the ConfigMap and Secret)."
  type        = string
  default     = "tributary"
  nullable    = false

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$", var.name))
    error_message = "name must be a DNS label of at most 40 characters (lower-case letters, digits, '-')."
  }
}

variable "namespace" {
  description = "Kubernetes namespace of the gateway (it must exist)."
  type        = string
  default     = "default"
  nullable    = false
}

variable "image" {
  description = "Container image of the gateway, e.g. ghcr.io/example/tributary:0.1.0. Pin a tag or digest."
  type        = string

  validation {
    condition     = length(trimspace(var.image)) > 0 && !endswith(var.image, ":latest")
    error_message = "image must be set and pinned (not :latest)."
  }
}

variable "mappings_yaml" {
  description = "Contents of the route-mappings file, e.g. file(\"mappings/cross-cloud.yaml\"). Mounted unchanged as a file; TRIBUTARY_MAPPINGS points at it. $${VAR} references in it are resolved by the gateway from env and secret_env."
  type        = string

  validation {
    condition     = can(yamldecode(var.mappings_yaml).apiVersion) && try(yamldecode(var.mappings_yaml).apiVersion == "tributary.dev/v1", false)
    error_message = "mappings_yaml must be a route-mappings file with apiVersion: tributary.dev/v1."
  }
}

variable "mount_path" {
  description = "Directory the mappings ConfigMap is mounted at."
  type        = string
  default     = "/etc/tributary"
  nullable    = false
}

variable "env" {
  description = "Extra plain environment variables of the gateway container."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "secret_env" {
  description = "Environment variables kept in a Kubernetes Secret, e.g. { EVENTGRID_SECRET = \"...\" } for a source with secret: $${EVENTGRID_SECRET}."
  type        = map(string)
  default     = {}
  nullable    = false
  sensitive   = true
}

variable "service_account_name" {
  description = "Kubernetes service account of the gateway pods (for workload identity: IRSA, GKE Workload Identity, Azure Workload Identity). Null: the namespace default."
  type        = string
  default     = null
}

variable "container_port" {
  description = "HTTP port of the gateway (MICRONAUT_SERVER_PORT)."
  type        = number
  default     = 8080
  nullable    = false

  validation {
    condition     = var.container_port > 0 && var.container_port < 65536
    error_message = "container_port must be a TCP port number."
  }
}

variable "min_scale" {
  description = "Minimum number of gateway pods. Null: 1 when the mappings have pull sources (aws-sqs, gcp-pubsub), which consume only while a pod runs; otherwise 0 (scale to zero)."
  type        = number
  default     = null

  validation {
    condition     = var.min_scale == null || try(var.min_scale >= 0, false)
    error_message = "min_scale must be 0 or more."
  }
}

variable "max_scale" {
  description = "Maximum number of gateway pods."
  type        = number
  default     = 10
  nullable    = false

  validation {
    condition     = var.max_scale >= 1
    error_message = "max_scale must be at least 1."
  }
}

variable "resources" {
  description = "Container resource requests and limits."
  type = object({
    requests = optional(map(string), { cpu = "250m", memory = "512Mi" })
    limits   = optional(map(string), { memory = "1Gi" })
  })
  default  = {}
  nullable = false
}

variable "create_brokers" {
  description = "Create a Knative Broker for every knative-broker sink of the mappings that names one (namespace/name); false when the brokers exist already."
  type        = bool
  default     = true
  nullable    = false
}

variable "broker_class" {
  description = "Value of the eventing.knative.dev/broker.class annotation of created brokers, e.g. MTChannelBasedBroker. Null: the cluster default."
  type        = string
  default     = null
}

variable "k_sink" {
  description = "K_SINK of the gateway: where knative-broker sinks without url or name deliver. Null: unset (a SinkBinding may inject it)."
  type        = string
  default     = null
}

variable "triggers" {
  description = "Knative Triggers on the brokers the gateway feeds, keyed by trigger name. broker is a broker name in the trigger's namespace (default: the gateway's); filter_attributes is an exact-match filter; the subscriber is a URI or a reference to an Addressable (e.g. serving.knative.dev/v1 Service)."
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
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for t in values(var.triggers) : (t.subscriber_uri == null) != (t.subscriber_ref == null)])
    error_message = "Each trigger needs exactly one of subscriber_uri and subscriber_ref."
  }
}

variable "labels" {
  description = "Labels added to every object created."
  type        = map(string)
  default     = {}
  nullable    = false
}
