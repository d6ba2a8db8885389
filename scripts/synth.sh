#!/usr/bin/env bash
# `npm run synth`: cdk synth fully offline, as a new user without an AWS account would run it.
# With credentials in the environment (or a credentials file) the CDK CLI calls STS and the metadata
# endpoint; without any it makes no outbound connection. Bundling uses the local esbuild (no Docker).
# cdk-nag runs as a validation plugin: an unacknowledged AwsSolutions finding fails the synth. The summary
# line at the end is read from cdk.out/validation-report.json.
set -euo pipefail
cd "$(dirname "$0")/.."
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_SECURITY_TOKEN \
  AWS_PROFILE AWS_DEFAULT_PROFILE AWS_ROLE_ARN AWS_WEB_IDENTITY_TOKEN_FILE AWS_ROLE_SESSION_NAME \
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI AWS_CONTAINER_CREDENTIALS_FULL_URI AWS_CONTAINER_AUTHORIZATION_TOKEN
export AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_CONFIG_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
export CDK_DISABLE_VERSION_CHECK=1 CDK_DISABLE_CLI_TELEMETRY=1
export AWS_REGION="${AWS_REGION:-us-east-1}" AWS_DEFAULT_REGION="${AWS_REGION:-us-east-1}"
# AGENTBRIDGE_CDK_OUT names another assembly directory (an example app's), default cdk.out.
export AGENTBRIDGE_CDK_OUT="${AGENTBRIDGE_CDK_OUT:-cdk.out}"
# The template is in the assembly directory; printing it buries the report.
npx --no-install cdk synth --quiet --no-notices --output "$AGENTBRIDGE_CDK_OUT" "$@"
node -e '
const report = JSON.parse(require("node:fs").readFileSync(`${process.env.AGENTBRIDGE_CDK_OUT}/validation-report.json`, "utf8"));
for (const plugin of report.pluginReports) {
  const open = plugin.violations.length;
  const acknowledged = (plugin.suppressedViolations ?? []).length;
  console.error(`cdk-nag ${plugin.pluginName}: ${plugin.conclusion}, ${open} unacknowledged, ${acknowledged} acknowledged with a reason`);
}'
