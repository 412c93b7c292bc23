output "queue_url" {
  description = "URL of the source queue (`aws-sqs`); put it in the source's queueUrl. Null for `aws-sns`."
  value       = local.is_sqs ? aws_sqs_queue.main[0].url : null
}

output "queue_arn" {
  description = "ARN of the source queue (`aws-sqs`); null for `aws-sns`."
  value       = local.is_sqs ? aws_sqs_queue.main[0].arn : null
}

output "dead_letter_queue_url" {
  description = "URL of the dead-letter queue: messages received max_receive_count times (`aws-sqs`), or that SNS / EventBridge could not deliver."
  value       = aws_sqs_queue.dead_letter.url
}

output "dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue."
  value       = aws_sqs_queue.dead_letter.arn
}

output "topic_arn" {
  description = "ARN of the SNS topic (`aws-sns`); list it in the source's topicArns. Null for `aws-sqs`."
  value       = local.is_sns ? aws_sns_topic.main[0].arn : null
}

output "subscription_arn" {
  description = "ARN of the HTTPS subscription of the gateway to the topic (`aws-sns`); null otherwise."
  value       = local.is_sns ? aws_sns_topic_subscription.gateway[0].arn : null
}

output "endpoint" {
  description = "URL SNS pushes to ({gateway_url}/sources/{name}) for `aws-sns`; null otherwise."
  value       = local.is_sns ? local.sns_endpoint : null
}

output "event_rule_arn" {
  description = "ARN of the EventBridge rule (delivery `eventbridge`); null otherwise."
  value       = local.via_eventbrige ? aws_cloudwatch_event_rule.s3[0].arn : null
}

output "gateway_policy_arn" {
  description = "ARN of the IAM policy with what the gateway needs for this source; null when it needs nothing (an `aws-sns` source without Lambda sinks)."
  value       = local.needs_gateway_policy ? aws_iam_policy.gateway[0].arn : null
}
