output "sources" {
  description = "AWS sources of the mappings file that were provisioned, with their type."
  value       = { for name, s in local.aws_sources : name => s.type }
}

output "queue_urls" {
  description = "Queue URL of each aws-sqs source (what its queueUrl must be)."
  value       = { for name, m in module.source : name => m.queue_url if m.queue_url != null }
}

output "topic_arns" {
  description = "Topic ARN of each aws-sns source (what its topicArns must list)."
  value       = { for name, m in module.source : name => m.topic_arn if m.topic_arn != null }
}

output "dead_letter_queue_urls" {
  description = "Dead-letter queue URL of each source."
  value       = { for name, m in module.source : name => m.dead_letter_queue_url }
}

output "gateway_policy_arns" {
  description = "IAM policy of each source for the gateway's role."
  value       = { for name, m in module.source : name => m.gateway_policy_arn if m.gateway_policy_arn != null }
}
