'use strict';
// The route-mappings contract (docs/route-mappings.md) as far as the Terraform side
// relies on it: which source types belong to which cloud, and which keys a file may hold.

const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { rel, REPO_ROOT } = require('./terraform');

/** Source types each cloud's module provisions. */
const CLOUD_SOURCE_TYPES = {
  aws: ['aws-sqs', 'aws-sns'],
  gcp: ['gcp-pubsub', 'gcp-pubsub-push'],
  azure: ['azure-eventgrid'],
};

/** The sink types each cloud's sink module (modules/<cloud>-sink) provisions. */
const CLOUD_SINK_TYPES = {
  aws: ['aws-sqs', 'aws-sns', 'aws-eventbridge'],
  gcp: ['gcp-pubsub'],
  azure: ['azure-eventgrid'],
};

/** Terraform provider (local name) of each cloud. */
const CLOUD_PROVIDERS = { aws: 'aws', gcp: 'google', azure: 'azurerm' };

/**
 * Required and optional option names of each source and sink type, read from the JSON Schema that
 * the build generates from the providers' declarations (mappings/tributary-mappings.schema.json),
 * so this check and the gateway's loader accept the same options.
 */
function optionsByType(kind) {
  const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'mappings', 'tributary-mappings.schema.json'), 'utf8'));
  const byType = {};
  for (const branch of schema.properties[kind].additionalProperties.allOf) {
    const { then } = branch;
    const type = then.properties.type.const;
    const required = (then.required || []).filter((key) => key !== 'type');
    const optional = Object.keys(then.properties).filter((key) => key !== 'type' && !required.includes(key));
    byType[type] = { required, optional };
  }
  for (const type of schema.properties[kind].additionalProperties.properties.type.enum) {
    if (!byType[type]) byType[type] = { required: [], optional: [] };
  }
  return byType;
}

const SOURCE_OPTIONS = optionsByType('sources');
const SINK_OPTIONS = optionsByType('sinks');

const ROUTE_KEYS = ['name', 'from', 'to', 'filters', 'storageEvents', 'reply', 'delivery'];
const DELIVERY_KEYS = ['retry', 'backoffPolicy', 'backoffDelay', 'timeout', 'deadLetterSink'];
const FILTER_DIALECTS = ['exact', 'prefix', 'suffix', 'all', 'any', 'not', 'cesql'];

/** Parses a mappings file; invalid YAML is thrown as "FILE: not valid YAML: ...". */
function readMappings(file) {
  try {
    return YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${rel(file)}: not valid YAML: ${err.message.split('\n')[0]}`);
  }
}

/** Names of the sources whose type is one of types, sorted. */
function sourcesOfTypes(mappings, types) {
  return namesOfTypes(mappings.sources, types);
}

/** Names of the sinks of the given types, sorted. */
function sinksOfTypes(mappings, types) {
  return namesOfTypes(mappings.sinks, types);
}

function namesOfTypes(components, types) {
  return Object.entries(components || {})
    .filter(([, c]) => c && types.includes(c.type))
    .map(([name]) => name)
    .sort();
}

function checkOptions(where, body, spec, problems) {
  for (const key of spec.required) {
    if (!(key in body)) problems.push(`${where}: missing required option '${key}'`);
  }
  for (const key of Object.keys(body)) {
    if (key !== 'type' && !spec.required.includes(key) && !spec.optional.includes(key)) {
      problems.push(`${where}: unknown option '${key}'`);
    }
  }
}

function checkFilter(where, filter, problems) {
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) {
    problems.push(`${where}: a filter is a map with one dialect`);
    return;
  }
  const keys = Object.keys(filter);
  if (keys.length !== 1 || !FILTER_DIALECTS.includes(keys[0])) {
    problems.push(`${where}: a filter has exactly one of ${FILTER_DIALECTS.join(', ')} (found ${keys.join(', ') || 'none'})`);
    return;
  }
  const [dialect] = keys;
  const value = filter[dialect];
  if (['all', 'any'].includes(dialect)) {
    if (!Array.isArray(value)) problems.push(`${where}: ${dialect} takes a list of filters`);
    else value.forEach((f, i) => checkFilter(`${where}.${dialect}[${i}]`, f, problems));
  } else if (dialect === 'not') {
    checkFilter(`${where}.not`, value, problems);
  } else if (dialect === 'cesql') {
    if (typeof value !== 'string') problems.push(`${where}: cesql takes a string`);
  } else if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where}: ${dialect} takes a map of attribute to string`);
  }
}

/**
 * Problems of a mappings file against the contract's keys and references (the gateway's loader
 * is the full validator; this keeps the files Terraform reads from drifting).
 */
function contractProblems(mappings) {
  const problems = [];
  if (!mappings || typeof mappings !== 'object') return ['the file is not a YAML map'];
  for (const key of Object.keys(mappings)) {
    if (!['apiVersion', 'sources', 'sinks', 'routes'].includes(key)) problems.push(`unknown top-level key '${key}'`);
  }
  if (mappings.apiVersion !== 'tributary.dev/v1') problems.push(`apiVersion must be tributary.dev/v1, not ${mappings.apiVersion}`);
  const sources = mappings.sources || {};
  const sinks = mappings.sinks || {};
  for (const [name, body] of Object.entries(sources)) {
    const spec = SOURCE_OPTIONS[body && body.type];
    if (!spec) problems.push(`source '${name}': unknown type '${body && body.type}'`);
    else checkOptions(`source '${name}'`, body, spec, problems);
  }
  for (const [name, body] of Object.entries(sinks)) {
    const spec = SINK_OPTIONS[body && body.type];
    if (!spec) problems.push(`sink '${name}': unknown type '${body && body.type}'`);
    else checkOptions(`sink '${name}'`, body, spec, problems);
  }
  (mappings.routes || []).forEach((route, i) => {
    const where = `route '${(route && route.name) || i}'`;
    for (const key of Object.keys(route || {})) {
      if (!ROUTE_KEYS.includes(key)) problems.push(`${where}: unknown key '${key}'`);
    }
    for (const src of route.from || []) if (!(src in sources)) problems.push(`${where}: from: unknown source '${src}'`);
    for (const sink of route.to || []) if (!(sink in sinks)) problems.push(`${where}: to: unknown sink '${sink}'`);
    if (!Array.isArray(route.from) || route.from.length === 0) problems.push(`${where}: from must list sources`);
    if (!Array.isArray(route.to) || route.to.length === 0) problems.push(`${where}: to must list sinks`);
    (route.filters || []).forEach((f, j) => checkFilter(`${where}: filters[${j}]`, f, problems));
    if (route.reply !== undefined && !(route.reply in sources)) problems.push(`${where}: reply: unknown source '${route.reply}'`);
    if (route.storageEvents !== undefined && !['neutral', 'native'].includes(route.storageEvents)) {
      problems.push(`${where}: storageEvents must be neutral or native`);
    }
    const delivery = route.delivery || {};
    for (const key of Object.keys(delivery)) {
      if (!DELIVERY_KEYS.includes(key)) problems.push(`${where}: delivery: unknown key '${key}'`);
    }
    if (delivery.deadLetterSink !== undefined && !(delivery.deadLetterSink in sinks)) {
      problems.push(`${where}: delivery.deadLetterSink: unknown sink '${delivery.deadLetterSink}'`);
    }
    if (delivery.backoffPolicy !== undefined && !['linear', 'exponential'].includes(delivery.backoffPolicy)) {
      problems.push(`${where}: delivery.backoffPolicy must be linear or exponential`);
    }
  });
  return problems;
}

module.exports = {
  CLOUD_SOURCE_TYPES,
  CLOUD_SINK_TYPES,
  CLOUD_PROVIDERS,
  readMappings,
  sourcesOfTypes,
  sinksOfTypes,
  contractProblems,
};
