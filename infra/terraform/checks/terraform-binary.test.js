'use strict';
// Checks that need the terraform binary, run with `node --test` where it is installed: every
// configuration is formatted (`terraform fmt -check -recursive`), and `terraform console`, over a
// provider-free copy of each example (its variables.tf and mappings.tf, which by design hold
// variables and locals only), evaluates the for_each of every source and sink module and compares
// it with the sources and sinks of the example's clouds in its mappings file. Without terraform
// on PATH both are skipped, and the skip says so. Each failure names the example and the module.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const tf = require('./lib/terraform');
const maps = require('./lib/mappings');

const CLI_CONFIG = path.join(os.tmpdir(), 'tributary-terraform-checks.tfrc');
const installed = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
const skip = installed ? false : 'terraform is not on PATH: fmt -check and console checks skipped (install Terraform >= 1.5 to run them)';

/** Runs terraform without a user CLI configuration, checkpoint calls or prompts. */
function terraform(args, input) {
  fs.writeFileSync(CLI_CONFIG, '');
  return spawnSync('terraform', args, {
    encoding: 'utf8',
    input,
    env: { ...process.env, TF_CLI_CONFIG_FILE: CLI_CONFIG, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_INPUT: '0' },
  });
}

/** A value of a required variable's type (its value does not matter to the locals checked). */
function placeholder(type) {
  const expr = tf.soleExpression(type) || String(type);
  if (/^(map|object)\b/.test(expr)) return '{}';
  if (/^(list|set|tuple)\b/.test(expr)) return '[]';
  return 'placeholder';
}

/** The module blocks of an example that provision sources or sinks, with the names for_each must yield. */
function expectedForEach(config, mappings) {
  const found = [];
  for (const module of config.modules) {
    const match = /^\.\.\/\.\.\/modules\/(aws|gcp|azure)-(source|sink)$/.exec(module.body.source || '');
    if (!match) continue;
    const [, cloud, kind] = match;
    const expected = kind === 'source'
      ? maps.sourcesOfTypes(mappings, maps.CLOUD_SOURCE_TYPES[cloud])
      : maps.sinksOfTypes(mappings, maps.CLOUD_SINK_TYPES[cloud]);
    found.push({ module, cloud, kind, expected, local: /^local\.([A-Za-z_][\w-]*)$/.exec(tf.soleExpression(module.body.for_each) || '') });
  }
  return found;
}

describe('the terraform binary', { skip }, () => {
  test('terraform fmt -check -recursive passes', () => {
    const result = terraform(['fmt', '-check', '-recursive', '-diff', tf.TF_ROOT]);
    assert.equal(result.status, 0, `terraform fmt would change:\n${result.stdout}${result.stderr}`);
  });

  test("terraform console: each example's for_each sets are the sources and sinks of its clouds", async () => {
    const problems = [];
    const examples = tf.listConfigDirs().filter((dir) => path.relative(tf.TF_ROOT, dir).split(path.sep)[0] === 'examples');
    assert.ok(examples.length >= 4, 'expected at least 4 examples');
    for (const dir of examples) {
      const where = tf.rel(dir);
      const config = await tf.loadConfig(dir);
      if (!fs.existsSync(path.join(dir, 'mappings.tf'))) {
        problems.push(`${where}: no mappings.tf (the provider-free locals derived from the mappings file)`);
        continue;
      }
      const mappingsFile = path.resolve(dir, config.variables.find((v) => v.name === 'mappings_file').body.default);
      const mappings = maps.readMappings(mappingsFile);
      const checks = expectedForEach(config, mappings);
      for (const kind of ['source', 'sink']) {
        const clouds = new Set(checks.filter((c) => c.kind === kind).map((c) => c.cloud));
        for (const cloud of ['aws', 'gcp', 'azure'].filter((c) => !clouds.has(c))) {
          const names = kind === 'source'
            ? maps.sourcesOfTypes(mappings, maps.CLOUD_SOURCE_TYPES[cloud])
            : maps.sinksOfTypes(mappings, maps.CLOUD_SINK_TYPES[cloud]);
          if (names.length > 0) problems.push(`${where}: ${cloud} ${kind}s ${names.join(', ')} of ${tf.rel(mappingsFile)} are provisioned by no ${cloud}-${kind} module`);
        }
      }
      const unnamed = checks.filter((c) => !c.local);
      unnamed.forEach((c) => problems.push(`${where}: module "${c.module.name}": for_each must name a local of mappings.tf`));
      const evaluated = checks.filter((c) => c.local);
      if (evaluated.length === 0) continue;

      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tributary-console-'));
      try {
        for (const name of ['variables.tf', 'mappings.tf']) fs.copyFileSync(path.join(dir, name), path.join(copy, name));
        const vars = ['-var', `mappings_file=${mappingsFile}`];
        for (const v of config.variables) {
          if (!('default' in v.body)) vars.push('-var', `${v.name}=${placeholder(v.body.type)}`);
        }
        // one expression: console prints only the value of the last line it reads from a pipe
        const input = `jsonencode([${evaluated.map((c) => `sort(keys(local.${c.local[1]}))`).join(', ')}])\n`;
        const result = terraform([`-chdir=${copy}`, 'console', '-no-color', ...vars], input);
        if (result.status !== 0) {
          problems.push(`${where}: terraform console over variables.tf + mappings.tf failed:\n${result.stderr}`);
          continue;
        }
        const sets = JSON.parse(JSON.parse(result.stdout.trim()));
        evaluated.forEach((c, i) => {
          const actual = sets[i];
          if (JSON.stringify(actual) !== JSON.stringify(c.expected)) {
            problems.push(`${where}: module "${c.module.name}": for_each = local.${c.local[1]} yields [${actual.join(', ')}], `
              + `but the ${c.cloud} ${c.kind}s of ${tf.rel(mappingsFile)} are [${c.expected.join(', ')}]`);
          }
        });
      } finally {
        fs.rmSync(copy, { recursive: true, force: true });
      }
    }
    if (problems.length > 0) assert.fail(`\n  ${problems.join('\n  ')}`);
  });
});
