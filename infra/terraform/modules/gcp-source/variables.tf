variable "name" {
  description = "Name of the Tributary source in the mappings file (a key of `sources`). Used in resource names and in the push endpoint path /sources/{name}."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$", var.name))
    error_message = "name must be 1-63 letters, digits, '-' or '_', starting with a letter or digit."
  }
}

variable "type" {
  description = "Source type from the mappings file: `gcp-pubsub` (the gateway pulls a subscription) or `gcp-pubsub-push` (Pub/Sub pushes to the gateway with an OIDC token)."
  type        = string

  validation {
    condition     = contains(["gcp-pubsub", "gcp-pubsub-push"], var.type)
    error_message = "type must be \"gcp-pubsub\" or \"gcp-pubsub-push\"."
  }
}

variable "project" {
  description = "Project that holds the topic and the subscription (the P of projects/P/topics/T in the source)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project))
    error_message = "project must be a Google Cloud project id (6-30 lower-case letters, digits or '-')."
  }
}

variable "topic_name" {
  description = "Short name of the topic (the T of the source's topic projects/P/topics/T)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9._~%+-]{2,254}$", var.topic_name)) && !startswith(var.topic_name, "goog")
    error_message = "topic_name must be a Pub/Sub resource name: 3-255 characters, starting with a letter, not starting with \"goog\"."
  }
}

variable "create_topic" {
  description = "Create the topic here. False: the topic exists already (managed elsewhere)."
  type        = bool
  default     = true
  nullable    = false
}

variable "subscription_name" {
  description = "Short name of the subscription. For `gcp-pubsub` the S of the source's subscription projects/P/subscriptions/S; for `gcp-pubsub-push` any name (default tributary-{name})."
  type        = string
  default     = null

  validation {
    condition     = var.subscription_name == null || can(regex("^[A-Za-z][A-Za-z0-9._~%+-]{2,240}$", var.subscription_name))
    error_message = "subscription_name must be 3-241 characters, starting with a letter (\"-dead-letter\" is appended for the dead-letter subscription)."
  }
}

variable "bucket" {
  description = "Cloud Storage bucket whose object notifications are published to the topic. Null: no notification (something else publishes)."
  type        = string
  default     = null
}

variable "event_types" {
  description = "Cloud Storage notification event types, e.g. OBJECT_FINALIZE, OBJECT_DELETE, OBJECT_ARCHIVE, OBJECT_METADATA_UPDATE."
  type        = list(string)
  default     = ["OBJECT_FINALIZE"]
  nullable    = false

  validation {
    condition     = length(var.event_types) > 0 && alltrue([for t in var.event_types : contains(["OBJECT_FINALIZE", "OBJECT_DELETE", "OBJECT_ARCHIVE", "OBJECT_METADATA_UPDATE"], t)])
    error_message = "event_types must be a non-empty list of OBJECT_FINALIZE, OBJECT_DELETE, OBJECT_ARCHIVE, OBJECT_METADATA_UPDATE."
  }
}

variable "object_name_prefix" {
  description = "Only objects whose name starts with this prefix are notified (empty: all). Cloud Storage has no suffix filter: route filters in the mappings file do that."
  type        = string
  default     = ""
  nullable    = false
}

variable "ack_deadline_seconds" {
  description = "Subscription acknowledgement deadline. For push, how long Pub/Sub waits for the gateway's answer; keep it above the slowest route's delivery (retries included)."
  type        = number
  default     = 60
  nullable    = false

  validation {
    condition     = var.ack_deadline_seconds >= 10 && var.ack_deadline_seconds <= 600
    error_message = "ack_deadline_seconds must be between 10 and 600."
  }
}

variable "message_retention_duration" {
  description = "How long the subscription keeps unacknowledged messages, e.g. 604800s."
  type        = string
  default     = "604800s"
  nullable    = false

  validation {
    condition     = can(regex("^[0-9]+s$", var.message_retention_duration))
    error_message = "message_retention_duration must be a number of seconds with the suffix s, e.g. \"604800s\"."
  }
}

variable "max_delivery_attempts" {
  description = "Delivery attempts before Pub/Sub forwards a message to the dead-letter topic."
  type        = number
  default     = 10
  nullable    = false

  validation {
    condition     = var.max_delivery_attempts >= 5 && var.max_delivery_attempts <= 100
    error_message = "max_delivery_attempts must be between 5 and 100."
  }
}

variable "minimum_backoff" {
  description = "Retry policy: shortest delay before redelivering a message that was nacked or not acknowledged in time."
  type        = string
  default     = "10s"
  nullable    = false

  validation {
    condition     = can(regex("^[0-9]+(\\.[0-9]+)?s$", var.minimum_backoff))
    error_message = "minimum_backoff must be a duration in seconds such as \"10s\"."
  }
}

variable "maximum_backoff" {
  description = "Retry policy: longest delay before redelivery (at most 600s)."
  type        = string
  default     = "600s"
  nullable    = false

  validation {
    condition     = can(regex("^[0-9]+(\\.[0-9]+)?s$", var.maximum_backoff))
    error_message = "maximum_backoff must be a duration in seconds such as \"600s\"."
  }
}

variable "gateway_url" {
  description = "Public HTTPS base URL of the gateway. Required for `gcp-pubsub-push`: Pub/Sub pushes to {gateway_url}/sources/{name}."
  type        = string
  default     = null

  validation {
    condition     = var.gateway_url == null || can(regex("^https://[^/?#]+(/[^?#]*)?$", var.gateway_url))
    error_message = "gateway_url must be an https:// URL without query or fragment."
  }
}

variable "push_service_account" {
  description = "Email of the service account whose OIDC token Pub/Sub sends with each push (the source's serviceAccount). Required for `gcp-pubsub-push`."
  type        = string
  default     = null

  validation {
    condition     = var.push_service_account == null || can(regex("^[^@]+@[^@]+\\.iam\\.gserviceaccount\\.com$", var.push_service_account))
    error_message = "push_service_account must be a service account email (NAME@PROJECT.iam.gserviceaccount.com)."
  }
}

variable "create_push_service_account" {
  description = "Create the push service account in `project` (its email must then be NAME@PROJECT.iam.gserviceaccount.com)."
  type        = bool
  default     = false
  nullable    = false
}

variable "push_audience" {
  description = "Audience of the OIDC token (the source's audience). Null: Pub/Sub uses the push endpoint URL."
  type        = string
  default     = null
}

variable "gateway_member" {
  description = "IAM member the gateway runs as, e.g. serviceAccount:tributary@P.iam.gserviceaccount.com. For `gcp-pubsub` it is granted subscriber and viewer on the subscription (viewer lets it look the topic up when the source sets none)."
  type        = string
  default     = null

  validation {
    condition     = var.gateway_member == null || can(regex("^(serviceAccount|user|group|principal|principalSet):", var.gateway_member))
    error_message = "gateway_member must be an IAM member such as serviceAccount:NAME@PROJECT.iam.gserviceaccount.com."
  }
}

variable "labels" {
  description = "Labels added to the topics and subscriptions."
  type        = map(string)
  default     = {}
  nullable    = false
}
