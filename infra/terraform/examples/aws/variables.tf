variable "mappings_file" {
  description = "Route-mappings file, the same one the gateway runs with. Relative paths are relative to the directory terraform runs in (this example's)."
  type        = string
  default     = "../../../../mappings/aws.yaml"
}

variable "region" {
  description = "AWS region of the queues, topics and rules; every source's region in the mappings file must be this one."
  type        = string
  default     = "eu-west-1"
}

variable "aws_sources" {
  description = <<-EOT
    What the mappings file does not say about each AWS source, keyed by source name. Every
    attribute is optional (null: the aws-source module's default):
      bucket: S3 bucket whose notifications feed the source (one source per bucket);
      delivery: aws-sqs only: "s3" (bucket notification to SQS) or "eventbridge";
      s3_events: S3 event names, e.g. ["s3:ObjectCreated:*"];
      eventbridge_detail_types: e.g. ["Object Created"];
      filter_prefix: object key prefix filtered in the cloud;
      filter_suffixes: object key suffixes filtered in the cloud (any of them);
      max_receive_count: receives before a message goes to the dead-letter queue;
      queue_name / topic_name: when queueUrl / topicArns hold $${VAR} references.
  EOT
  type = map(object({
    bucket                   = optional(string)
    delivery                 = optional(string)
    s3_events                = optional(list(string))
    eventbridge_detail_types = optional(list(string))
    filter_prefix            = optional(string)
    filter_suffixes          = optional(list(string))
    max_receive_count        = optional(number)
    queue_name               = optional(string)
    topic_name               = optional(string)
  }))
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for s in values(var.aws_sources) : s.delivery == null || contains(["s3", "eventbridge"], coalesce(s.delivery, "s3"))])
    error_message = "aws_sources[*].delivery must be \"s3\" or \"eventbridge\"."
  }
}

variable "gateway_url" {
  description = "Public HTTPS base URL of the gateway; aws-sns sources are subscribed at {gateway_url}/sources/{name}. Required when the mappings have an aws-sns source."
  type        = string
  default     = null
}

variable "gateway_role_name" {
  description = "IAM role the gateway runs as; each source's least-privilege policy is attached to it. Null: policies are created, not attached."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags of every resource created (provider default_tags)."
  type        = map(string)
  default     = { "app" = "tributary" }
}
