output "arn" {
  description = "ARN of the sink's destination: the queue, topic or event bus."
  value       = local.destination_arn
}

output "queue_url" {
  description = "URL of the created queue (`aws-sqs`), to compare with the sink's queueUrl; null otherwise."
  value       = local.is_sqs ? aws_sqs_queue.main[0].url : null
}
