'use strict';
// Static checks of infra/terraform, run with `node --test` (no terraform binary needed).
// Each failure names the file and the problem.

const { describe, test, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const tf = require('./lib/terraform');
const { forEachSourceTypes, checkMappingsLocal, PatternError } = require('./lib/foreach');
const maps = require('./lib/mappings');

/** Expected major version of each provider, and the constraint forms accepted as pinned. */
const PROVIDER_MAJORS = { aws: 5, google: 6, azurerm: 4, kubernetes: 2 };
const PINNED = /^(~>\s*(\d+)\.\d+(\.\d+)?|=?\s*(\d+)\.\d+\.\d+|>=\s*(\d+)\.\d+(\.\d+)?\s*,\s*<\s*\d+(\.\d+)*)$/;
/** Resource types that belong to Terraform itself, not to a provider. */
const BUILTIN_TYPES = new Set(['terraform_data', 'terraform_remote_state']);

function report(problems) {
  if (problems.length > 0) assert.fail(`\n  ${problems.join('\n  ')}`);
}

function isModuleDir(dir) {
  return path.relative(tf.TF_ROOT, dir).split(path.sep)[0] === 'modules';
}

function isExampleDir(dir) {
  return path.relative(tf.TF_ROOT, dir).split(path.sep)[0] === 'examples';
}

/** Providers of a configuration's required_providers: name -> {source, version, file}. */
function requiredProviders(config) {
  const found = {};
  for (const { file, body } of config.terraform) {
    for (const block of body.required_providers || []) {
      for (const [name, spec] of Object.entries(block)) found[name] = { ...spec, file };
    }
  }
  return found;
}

/** Where a module block's source points, or null for a registry / remote source. */
function localModuleDir(config, module) {
  const source = module.body.source;
  if (typeof source !== 'string' || !/^\.\.?\//.test(source)) return null;
  return path.resolve(config.dir, source);
}

const configs = new Map();
let configDirs = [];

before(async () => {
  configDirs = tf.listConfigDirs();
  for (const dir of configDirs) configs.set(dir, await tf.loadConfig(dir));
});

describe('1. every .tf file parses', () => {
  const files = tf.listTfFiles();

  test('there are modules and examples to check', () => {
    const dirs = new Set(files.map((f) => path.relative(tf.TF_ROOT, path.dirname(f))));
    for (const expected of ['modules/aws-source', 'modules/gcp-source', 'modules/azure-source', 'modules/gateway',
      'examples/aws', 'examples/gcp', 'examples/azure', 'examples/cross-cloud']) {
      assert.ok(dirs.has(expected), `infra/terraform/${expected} has no .tf files`);
    }
  });

  for (const file of files) {
    test(tf.rel(file), async () => {
      await tf.parseFile(file);
    });
  }

  test('a broken file is reported with its name and position', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tributary-tf-'));
    const broken = path.join(dir, 'broken.tf');
    fs.writeFileSync(broken, 'resource "aws_sqs_queue" "q" {\n  name = "x"\n\nvariable "y" {\n');
    try {
      await assert.rejects(tf.parseFile(broken), (err) => {
        assert.match(err.message, /broken\.tf: does not parse: .*broken\.tf:\d+,\d+/);
        return true;
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('2. variables are declared and used', () => {
  test('every var.X is declared and every declared variable is used, per module and example', async () => {
    const problems = [];
    for (const config of configs.values()) {
      const declared = new Map(config.variables.map((v) => [v.name, v.file]));
      const used = await tf.referencedVariables(config);
      for (const name of [...used].sort()) {
        if (!declared.has(name)) problems.push(`${tf.rel(config.dir)}: var.${name} is referenced but not declared`);
      }
      for (const [name, file] of declared) {
        if (!used.has(name)) problems.push(`${tf.rel(file)}: variable "${name}" is declared but never used`);
      }
    }
    report(problems);
  });

  test('every local and data source is used (as tflint terraform_unused_declarations)', async () => {
    const problems = [];
    for (const config of configs.values()) {
      const used = new Set();
      for (const { json } of config.files) {
        const strings = [];
        tf.eachString(json, (str) => strings.push(str));
        for (const str of strings) {
          for (const ref of await tf.referencesIn(str)) {
            const parts = ref.split(/[.[]/);
            used.add(parts.slice(0, parts[0] === 'data' ? 3 : 2).join('.'));
          }
        }
      }
      for (const l of config.locals) {
        if (!used.has(`local.${l.name}`)) problems.push(`${tf.rel(l.file)}: local "${l.name}" is never used`);
      }
      for (const r of config.resources.filter((x) => x.kind === 'data')) {
        if (!used.has(`data.${r.type}.${r.name}`)) problems.push(`${tf.rel(r.file)}: data "${r.type}" "${r.name}" is never used`);
      }
    }
    report(problems);
  });

  test('variables have a type and a literal description; outputs have a literal description', () => {
    const problems = [];
    for (const config of configs.values()) {
      for (const v of config.variables) {
        if (!v.body.type) problems.push(`${tf.rel(v.file)}: variable "${v.name}" has no type`);
        if (typeof v.body.description !== 'string' || v.body.description.trim() === '') {
          problems.push(`${tf.rel(v.file)}: variable "${v.name}" has no description`);
        } else if (tf.hasInterpolation(v.body.description)) {
          problems.push(`${tf.rel(v.file)}: variable "${v.name}": description has an interpolation (write $\${ for a literal \${)`);
        }
      }
      for (const o of config.outputs) {
        if (typeof o.body.description !== 'string' || o.body.description.trim() === '') {
          problems.push(`${tf.rel(o.file)}: output "${o.name}" has no description`);
        } else if (tf.hasInterpolation(o.body.description)) {
          problems.push(`${tf.rel(o.file)}: output "${o.name}": description has an interpolation`);
        }
      }
    }
    report(problems);
  });
});

describe('3. module calls match the modules they call', () => {
  test('sources exist, arguments are declared variables, required variables are passed', async () => {
    const problems = [];
    for (const config of configs.values()) {
      for (const module of config.modules) {
        const where = `${tf.rel(module.file)}: module "${module.name}"`;
        const target = localModuleDir(config, module);
        if (!target) {
          if (isExampleDir(config.dir)) problems.push(`${where}: source ${module.body.source} is not a local path`);
          continue;
        }
        if (!fs.existsSync(target) || !fs.readdirSync(target).some((n) => n.endsWith('.tf'))) {
          problems.push(`${where}: source ${module.body.source} is not a directory with .tf files`);
          continue;
        }
        const callee = configs.get(target) || (await tf.loadConfig(target));
        const variables = new Map(callee.variables.map((v) => [v.name, v.body]));
        const args = Object.keys(module.body).filter((k) => !tf.MODULE_META_ARGS.has(k));
        for (const arg of args) {
          if (!variables.has(arg)) problems.push(`${where}: argument "${arg}" is not a variable of ${tf.rel(target)}`);
        }
        for (const [name, body] of variables) {
          if (!('default' in body) && !args.includes(name)) {
            problems.push(`${where}: required variable "${name}" of ${tf.rel(target)} is not passed`);
          }
        }
      }
    }
    report(problems);
  });
});

describe('4. each example provisions exactly the sources of its clouds in its mappings file', () => {
  const exampleDirs = () => configDirs.filter(isExampleDir);

  test('examples exist', () => {
    assert.ok(exampleDirs().length >= 4, 'expected at least 4 examples under infra/terraform/examples');
  });

  test('for_each of every source module matches the mappings file', async () => {
    const problems = [];
    for (const dir of exampleDirs()) {
      const config = configs.get(dir);
      const where = tf.rel(dir);
      const variable = config.variables.find((v) => v.name === 'mappings_file');
      if (!variable || typeof variable.body.default !== 'string') {
        problems.push(`${where}: needs variable "mappings_file" with a default (the mappings file it provisions)`);
        continue;
      }
      const mappingsPath = path.resolve(dir, variable.body.default);
      if (!fs.existsSync(mappingsPath)) {
        problems.push(`${tf.rel(variable.file)}: mappings_file default ${variable.body.default} does not exist (${tf.rel(mappingsPath)})`);
        continue;
      }
      let mappings;
      try {
        mappings = maps.readMappings(mappingsPath);
        checkMappingsLocal(config);
      } catch (err) {
        problems.push(err.message);
        continue;
      }

      // The clouds an example covers are those whose provider it requires.
      const providers = requiredProviders(config);
      const clouds = Object.keys(maps.CLOUD_SOURCE_TYPES).filter((c) => maps.CLOUD_PROVIDERS[c] in providers);
      if (clouds.length === 0) problems.push(`${where}: requires no cloud provider (aws, google, azurerm)`);

      const handled = new Map(); // source name -> module that provisions it
      for (const module of config.modules) {
        const target = localModuleDir(config, module);
        const cloud = target && (/^(aws|gcp|azure)-source$/.exec(path.basename(target)) || [])[1];
        if (!cloud) continue;
        let types;
        try {
          types = await forEachSourceTypes(config, module);
        } catch (err) {
          if (!(err instanceof PatternError)) throw err;
          problems.push(err.message);
          continue;
        }
        const moduleWhere = `${tf.rel(module.file)}: module "${module.name}"`;
        const expectedTypes = maps.CLOUD_SOURCE_TYPES[cloud];
        const missingTypes = expectedTypes.filter((t) => !types.includes(t));
        const foreignTypes = types.filter((t) => !expectedTypes.includes(t));
        if (missingTypes.length) problems.push(`${moduleWhere}: for_each leaves out source types ${missingTypes.join(', ')} that ${cloud}-source provisions`);
        if (foreignTypes.length) problems.push(`${moduleWhere}: for_each selects types ${foreignTypes.join(', ')} that ${cloud}-source does not handle`);
        if (!clouds.includes(cloud)) problems.push(`${moduleWhere}: calls ${cloud}-source but the example does not require provider ${maps.CLOUD_PROVIDERS[cloud]}`);
        for (const name of maps.sourcesOfTypes(mappings, types)) {
          if (handled.has(name)) problems.push(`${moduleWhere}: source '${name}' is also provisioned by module "${handled.get(name)}"`);
          handled.set(name, module.name);
        }
      }

      const expected = maps.sourcesOfTypes(mappings, clouds.flatMap((c) => maps.CLOUD_SOURCE_TYPES[c]));
      const actual = [...handled.keys()].sort();
      const unhandled = expected.filter((n) => !handled.has(n));
      const extra = actual.filter((n) => !expected.includes(n));
      if (unhandled.length) problems.push(`${where}: sources ${unhandled.join(', ')} of ${tf.rel(mappingsPath)} are not provisioned by any for_each`);
      if (extra.length) problems.push(`${where}: for_each provisions ${extra.join(', ')}, which are not ${clouds.join('/')} sources of ${tf.rel(mappingsPath)}`);
      for (const cloud of clouds) {
        if (maps.sourcesOfTypes(mappings, maps.CLOUD_SOURCE_TYPES[cloud]).length === 0) {
          problems.push(`${where}: ${tf.rel(mappingsPath)} has no ${cloud} source, so the example shows nothing for ${cloud}`);
        }
      }
    }
    report(problems);
  });

  test('a for_each that does not follow the pattern is reported', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tributary-tf-'));
    try {
      fs.writeFileSync(path.join(dir, 'main.tf'), [
        'locals {',
        '  mappings = yamldecode(file(var.mappings_file))',
        '  queues   = { for name, s in local.mappings.sources : name => s if s.type == "aws-sqs" }',
        '}',
        'module "a" {',
        '  source   = "./m"',
        '  for_each = local.queues',
        '}',
        'module "b" {',
        '  source   = "./m"',
        '  for_each = { for name, s in local.mappings.sources : name => s if contains(["aws-sqs", var.extra], s.type) }',
        '}',
        'module "c" {',
        '  source   = "./m"',
        '  for_each = { for name, s in local.mappings.sources : name => s if contains(["aws-sqs"], s.type) }',
        '}',
        '',
      ].join('\n'));
      const config = await tf.loadConfig(dir);
      const [a, b, c] = config.modules;
      await assert.rejects(forEachSourceTypes(config, a), /main\.tf: module "a": for_each selects with "s\.type == "aws-sqs""/);
      await assert.rejects(forEachSourceTypes(config, b), /module "b": for_each has a type that is not a string literal/);
      assert.deepEqual(await forEachSourceTypes(config, c), ['aws-sqs']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('mappings files read by the examples follow the mappings contract', () => {
    const problems = [];
    const files = new Set();
    for (const dir of configDirs.filter(isExampleDir)) {
      const variable = configs.get(dir).variables.find((v) => v.name === 'mappings_file');
      if (variable && typeof variable.body.default === 'string') files.add(path.resolve(dir, variable.body.default));
    }
    for (const file of files) {
      if (!fs.existsSync(file)) continue; // reported by the for_each test
      let mappings;
      try {
        mappings = maps.readMappings(file);
      } catch (err) {
        problems.push(err.message);
        continue;
      }
      for (const p of maps.contractProblems(mappings)) problems.push(`${tf.rel(file)}: ${p}`);
    }
    report(problems);
  });
});

describe('5. providers are pinned', () => {
  test('every module and example pins terraform and its providers', () => {
    const problems = [];
    for (const config of configs.values()) {
      const where = tf.rel(config.dir);
      if (!config.terraform.some((t) => typeof t.body.required_version === 'string')) {
        problems.push(`${where}: no terraform { required_version }`);
      }
      const providers = requiredProviders(config);
      if (Object.keys(providers).length === 0) problems.push(`${where}: no terraform { required_providers }`);
      for (const [name, spec] of Object.entries(providers)) {
        const at = `${tf.rel(spec.file)}: required_providers.${name}`;
        if (spec.source !== `hashicorp/${name}`) problems.push(`${at}: source is ${spec.source}, expected hashicorp/${name}`);
        const version = typeof spec.version === 'string' ? spec.version.trim() : '';
        const m = PINNED.exec(version);
        if (!m) {
          problems.push(`${at}: version "${spec.version || ''}" is not pinned (use ~> MAJOR.MINOR)`);
          continue;
        }
        const major = Number(m[2] || m[4] || m[5]);
        if (name in PROVIDER_MAJORS && major !== PROVIDER_MAJORS[name]) {
          problems.push(`${at}: version "${version}" is not major ${PROVIDER_MAJORS[name]}`);
        }
      }
      for (const r of config.resources) {
        if (BUILTIN_TYPES.has(r.type)) continue;
        const provider = r.type.split('_')[0];
        if (!(provider in providers)) problems.push(`${tf.rel(r.file)}: ${r.kind} "${r.type}" needs provider ${provider} in required_providers`);
      }
      for (const p of config.providers) {
        if (isModuleDir(config.dir)) problems.push(`${tf.rel(p.file)}: provider "${p.name}" configured in a module (modules called with for_each cannot have provider blocks)`);
        else if (!(p.name in providers)) problems.push(`${tf.rel(p.file)}: provider "${p.name}" is configured but not in required_providers`);
      }
    }
    report(problems);
  });
});

describe('6. every module and example is documented', () => {
  test('README.md names every input and output', () => {
    const problems = [];
    for (const config of configs.values()) {
      const readme = path.join(config.dir, 'README.md');
      if (!fs.existsSync(readme)) {
        problems.push(`${tf.rel(config.dir)}: no README.md`);
        continue;
      }
      const text = fs.readFileSync(readme, 'utf8');
      for (const v of config.variables) {
        if (!text.includes(`\`${v.name}\``)) problems.push(`${tf.rel(readme)}: input \`${v.name}\` is not documented`);
      }
      for (const o of config.outputs) {
        if (!text.includes(`\`${o.name}\``)) problems.push(`${tf.rel(readme)}: output \`${o.name}\` is not documented`);
      }
      if (!/```hcl|```sh/.test(text)) problems.push(`${tf.rel(readme)}: no copy-paste example`);
    }
    report(problems);
  });
});
