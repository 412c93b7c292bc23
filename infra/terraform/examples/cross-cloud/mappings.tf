# What this example derives from the mappings file: variables and locals only, no provider, so the
# build evaluates it offline with `terraform console` and checks the for_each sets it yields
# (checks/terraform-binary.test.js).

locals {
  mappings = yamldecode(file(var.mappings_file))
  sinks    = try(local.mappings.sinks, {})
  routes   = try(local.mappings.routes, [])

  # The sources of each cloud; other types (cloudevents) need no cloud resources.
  aws_sources   = { for name, s in local.mappings.sources : name => s if contains(["aws-sqs", "aws-sns"], s.type) }
  gcp_sources   = { for name, s in local.mappings.sources : name => s if contains(["gcp-pubsub", "gcp-pubsub-push"], s.type) }
  azure_sources = { for name, s in local.mappings.sources : name => s if contains(["azure-eventgrid"], s.type) }

  # AWS: names from queueUrl / topicArns; Lambda sinks reachable from each source.
  queue_names  = { for name, s in local.aws_sources : name => try(regex("/([^/$]+)$", s.queueUrl)[0], null) }
  topic_names  = { for name, s in local.aws_sources : name => try(regex(":([^:/$]+)$", s.topicArns[0])[0], null) }
  lambda_sinks = { for name, k in local.sinks : name => k.function if k.type == "aws-lambda" && !strcontains(try(k.function, "$${"), "$${") }
  lambda_functions = {
    for src in keys(local.aws_sources) : src => distinct([
      for sink in flatten([
        for r in local.routes : concat(try(r.to, []), try([r.delivery.deadLetterSink], [])) if contains(try(r.from, []), src)
      ]) : local.lambda_sinks[sink] if contains(keys(local.lambda_sinks), sink)
    ])
  }

  # Google Cloud: projects/P/topics/T and projects/P/subscriptions/S.
  resource_path = "^projects/([^/$]+)/(topics|subscriptions)/([^/$]+)$"
  topic_paths   = { for name, s in local.gcp_sources : name => try(regex(local.resource_path, s.topic), null) }
  sub_paths     = { for name, s in local.gcp_sources : name => try(regex(local.resource_path, s.subscription), null) }

  # Azure: the secret of each source, and the environment variable the gateway reads it from.
  env_ref = "^\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-(.*))?\\}$"
  secret_env_names = {
    for name, s in local.azure_sources : name => try(regex(local.env_ref, s.secret)[0], null)
  }
  secrets = {
    for name, s in local.azure_sources : name => try(coalesce(
      lookup(var.eventgrid_secrets, name, null),
      can(regex(local.env_ref, s.secret)) ? regex(local.env_ref, s.secret)[2] : s.secret,
    ), null)
  }
  gateway_secret_env = { for name, env in local.secret_env_names : env => local.secrets[name] if env != null }

  # The sinks of each cloud: the destinations the gateway delivers to, and its right to send there.
  aws_sinks   = { for name, k in local.sinks : name => k if contains(["aws-sqs", "aws-sns", "aws-eventbridge"], k.type) }
  gcp_sinks   = { for name, k in local.sinks : name => k if contains(["gcp-pubsub"], k.type) }
  azure_sinks = { for name, k in local.sinks : name => k if contains(["azure-eventgrid"], k.type) }

  # AWS: queue, topic and bus names from queueUrl, topicArn and bus (a name or an ARN).
  sink_queue_names = { for name, k in local.aws_sinks : name => try(regex("/([^/$]+)$", k.queueUrl)[0], null) }
  sink_topic_names = { for name, k in local.aws_sinks : name => try(regex(":([^:/$]+)$", k.topicArn)[0], null) }
  sink_bus_names   = { for name, k in local.aws_sinks : name => try(regex("([^/:$]+)$", k.bus)[0], null) }

  # Azure: topic and region from https://TOPIC.REGION-1.eventgrid.azure.net/api/events, and the
  # environment variable of a key written as $${VAR}, which the gateway gets the created key in.
  eventgrid_endpoint = "^https://([^./$]+)\\.([a-z0-9]+)-1\\.eventgrid\\.azure\\.net/"
  eventgrid_topics   = { for name, k in local.azure_sinks : name => try(regex(local.eventgrid_endpoint, k.endpoint), null) }
  sink_key_env_names = { for name, k in local.azure_sinks : name => try(regex(local.env_ref, k.key)[0], null) }
}
