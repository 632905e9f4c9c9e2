import ageSecretKey from './age-secret-key.js';
import airtablePersonalAccessToken from './airtable-personal-access-token.js';
import algoliaAdminKey from './algolia-admin-key.js';
import alibabaAccessKeyId from './alibaba-access-key-id.js';
import alibabaAccessKeySecret from './alibaba-access-key-secret.js';
import amazonMwsAuthToken from './amazon-mws-auth-token.js';
import amqpUrlPassword from './amqp-url-password.js';
import anthropicAdminKey from './anthropic-admin-key.js';
import anthropicApiKey from './anthropic-api-key.js';
import artifactoryApiKey from './artifactory-api-key.js';
import artifactoryReferenceToken from './artifactory-reference-token.js';
import asanaPersonalAccessToken from './asana-personal-access-token.js';
import atlassianApiToken from './atlassian-api-token.js';
import auth0ClientSecret from './auth0-client-secret.js';
import awsAccessKeyId from './aws-access-key-id.js';
import awsSecretAccessKey from './aws-secret-access-key.js';
import awsSessionToken from './aws-session-token.js';
import azureAdClientSecret from './azure-ad-client-secret.js';
import azureDevopsPat from './azure-devops-pat.js';
import azureSasToken from './azure-sas-token.js';
import azureSharedAccessKey from './azure-shared-access-key.js';
import azureStorageAccountKey from './azure-storage-account-key.js';
import basicAuthUrl from './basic-auth-url.js';
import bitbucketAppPassword from './bitbucket-app-password.js';
import bitbucketClientSecret from './bitbucket-client-secret.js';
import braintreeAccessToken from './braintree-access-token.js';
import bugsnagApiKey from './bugsnag-api-key.js';
import buildkiteAgentToken from './buildkite-agent-token.js';
import circleciApiToken from './circleci-api-token.js';
import circleciPersonalToken from './circleci-personal-token.js';
import clojarsToken from './clojars-token.js';
import cloudflareApiToken from './cloudflare-api-token.js';
import cloudflareOriginCaKey from './cloudflare-origin-ca-key.js';
import cohereApiKey from './cohere-api-key.js';
import confluentApiSecret from './confluent-api-secret.js';
import connectionStringPassword from './connection-string-password.js';
import contentfulToken from './contentful-token.js';
import cratesIoToken from './crates-io-token.js';
import databricksToken from './databricks-token.js';
import datadogApiKey from './datadog-api-key.js';
import datadogAppKey from './datadog-app-key.js';
import digitaloceanOauthToken from './digitalocean-oauth-token.js';
import digitaloceanPersonalAccessToken from './digitalocean-personal-access-token.js';
import digitaloceanRefreshToken from './digitalocean-refresh-token.js';
import discordBotToken from './discord-bot-token.js';
import discordWebhookUrl from './discord-webhook-url.js';
import dockerConfigAuth from './docker-config-auth.js';
import dockerhubOrganizationToken from './dockerhub-organization-token.js';
import dockerhubPersonalAccessToken from './dockerhub-personal-access-token.js';
import dopplerToken from './doppler-token.js';
import dropboxAccessToken from './dropbox-access-token.js';
import duffelApiToken from './duffel-api-token.js';
import dynatraceApiToken from './dynatrace-api-token.js';
import easypostApiKey from './easypost-api-key.js';
import facebookAccessToken from './facebook-access-token.js';
import facebookAppSecret from './facebook-app-secret.js';
import figmaPersonalAccessToken from './figma-personal-access-token.js';
import firebaseCloudMessagingKey from './firebase-cloud-messaging-key.js';
import flutterwaveSecretKey from './flutterwave-secret-key.js';
import flyioAccessToken from './flyio-access-token.js';
import frameioApiToken from './frameio-api-token.js';
import ftpUrlPassword from './ftp-url-password.js';
import gcpApiKey from './gcp-api-key.js';
import gcpOauthClientSecret from './gcp-oauth-client-secret.js';
import gcpServiceAccountKey from './gcp-service-account-key.js';
import genericApiKey from './generic-api-key.js';
import genericPassword from './generic-password.js';
import genericSecret from './generic-secret.js';
import genericToken from './generic-token.js';
import githubAppInstallationToken from './github-app-installation-token.js';
import githubAppUserToken from './github-app-user-token.js';
import githubFineGrainedToken from './github-fine-grained-token.js';
import githubOauthToken from './github-oauth-token.js';
import githubPersonalAccessToken from './github-personal-access-token.js';
import githubRefreshToken from './github-refresh-token.js';
import gitlabAgentToken from './gitlab-agent-token.js';
import gitlabCiJobToken from './gitlab-ci-job-token.js';
import gitlabDeployToken from './gitlab-deploy-token.js';
import gitlabFeedToken from './gitlab-feed-token.js';
import gitlabOauthAppSecret from './gitlab-oauth-app-secret.js';
import gitlabPersonalAccessToken from './gitlab-personal-access-token.js';
import gitlabPipelineTriggerToken from './gitlab-pipeline-trigger-token.js';
import gitlabRunnerAuthenticationToken from './gitlab-runner-authentication-token.js';
import gitlabRunnerRegistrationToken from './gitlab-runner-registration-token.js';
import gitlabScimToken from './gitlab-scim-token.js';
import gocardlessApiToken from './gocardless-api-token.js';
import googleOauthAccessToken from './google-oauth-access-token.js';
import gradlePublishKey from './gradle-publish-key.js';
import grafanaApiKey from './grafana-api-key.js';
import grafanaCloudToken from './grafana-cloud-token.js';
import grafanaServiceAccountToken from './grafana-service-account-token.js';
import groqApiKey from './groq-api-key.js';
import herokuApiKey from './heroku-api-key.js';
import herokuLegacyApiKey from './heroku-legacy-api-key.js';
import hexPmApiKey from './hex-pm-api-key.js';
import honeycombApiKey from './honeycomb-api-key.js';
import hubspotPrivateAppToken from './hubspot-private-app-token.js';
import huggingfaceAccessToken from './huggingface-access-token.js';
import huggingfaceOrganizationToken from './huggingface-organization-token.js';
import ibmCloudApiKey from './ibm-cloud-api-key.js';
import intercomAccessToken from './intercom-access-token.js';
import jenkinsApiToken from './jenkins-api-token.js';
import jsonWebToken from './json-web-token.js';
import kafkaNatsUrlPassword from './kafka-nats-url-password.js';
import kubernetesBootstrapToken from './kubernetes-bootstrap-token.js';
import kubernetesSecretData from './kubernetes-secret-data.js';
import launchdarklyAccessToken from './launchdarkly-access-token.js';
import ldapUrlPassword from './ldap-url-password.js';
import linearApiKey from './linear-api-key.js';
import linkedinClientSecret from './linkedin-client-secret.js';
import mailchimpApiKey from './mailchimp-api-key.js';
import mailgunApiKey from './mailgun-api-key.js';
import mailgunSigningKey from './mailgun-signing-key.js';
import mailjetApiSecret from './mailjet-api-secret.js';
import mapboxSecretToken from './mapbox-secret-token.js';
import microsoftTeamsWebhookUrl from './microsoft-teams-webhook-url.js';
import mistralApiKey from './mistral-api-key.js';
import mongodbUrlPassword from './mongodb-url-password.js';
import mssqlUrlPassword from './mssql-url-password.js';
import mysqlUrlPassword from './mysql-url-password.js';
import netlifyAccessToken from './netlify-access-token.js';
import newRelicBrowserToken from './new-relic-browser-token.js';
import newRelicInsertKey from './new-relic-insert-key.js';
import newRelicLicenseKey from './new-relic-license-key.js';
import newRelicUserApiKey from './new-relic-user-api-key.js';
import notionIntegrationToken from './notion-integration-token.js';
import npmAccessToken from './npm-access-token.js';
import npmrcAuthToken from './npmrc-auth-token.js';
import npmrcPassword from './npmrc-password.js';
import nugetApiKey from './nuget-api-key.js';
import octopusDeployApiKey from './octopus-deploy-api-key.js';
import oktaApiToken from './okta-api-token.js';
import onepasswordServiceAccountToken from './onepassword-service-account-token.js';
import openaiApiKey from './openai-api-key.js';
import openshiftUserToken from './openshift-user-token.js';
import opensshPrivateKey from './openssh-private-key.js';
import packagistToken from './packagist-token.js';
import pagerdutyApiKey from './pagerduty-api-key.js';
import pemPrivateKey from './pem-private-key.js';
import perplexityApiKey from './perplexity-api-key.js';
import pgpPrivateKeyBlock from './pgp-private-key-block.js';
import pkcs8EncryptedPrivateKey from './pkcs8-encrypted-private-key.js';
import pkcs8PrivateKey from './pkcs8-private-key.js';
import planetscaleToken from './planetscale-token.js';
import postgresUrlPassword from './postgres-url-password.js';
import postmanApiKey from './postman-api-key.js';
import postmarkServerToken from './postmark-server-token.js';
import prefectApiKey from './prefect-api-key.js';
import pulumiAccessToken from './pulumi-access-token.js';
import puttyPrivateKey from './putty-private-key.js';
import pypiUploadToken from './pypi-upload-token.js';
import readmeApiKey from './readme-api-key.js';
import redisUrlPassword from './redis-url-password.js';
import replicateApiToken from './replicate-api-token.js';
import rollbarAccessToken from './rollbar-access-token.js';
import rubygemsApiKey from './rubygems-api-key.js';
import scalingoApiToken from './scalingo-api-token.js';
import sendgridApiKey from './sendgrid-api-key.js';
import sentryOrgToken from './sentry-org-token.js';
import sentryUserToken from './sentry-user-token.js';
import shippoApiToken from './shippo-api-token.js';
import shopifyAccessToken from './shopify-access-token.js';
import shopifyCustomAppToken from './shopify-custom-app-token.js';
import shopifyPrivateAppToken from './shopify-private-app-token.js';
import shopifySharedSecret from './shopify-shared-secret.js';
import slackAppToken from './slack-app-token.js';
import slackBotToken from './slack-bot-token.js';
import slackLegacyToken from './slack-legacy-token.js';
import slackUserToken from './slack-user-token.js';
import slackWebhookUrl from './slack-webhook-url.js';
import smtpUrlPassword from './smtp-url-password.js';
import snykApiToken from './snyk-api-token.js';
import sonarqubeToken from './sonarqube-token.js';
import splunkHecToken from './splunk-hec-token.js';
import squareAccessToken from './square-access-token.js';
import squareOauthSecret from './square-oauth-secret.js';
import stripeLiveSecretKey from './stripe-live-secret-key.js';
import stripeRestrictedKey from './stripe-restricted-key.js';
import stripeTestSecretKey from './stripe-test-secret-key.js';
import stripeWebhookSecret from './stripe-webhook-secret.js';
import supabaseAccessToken from './supabase-access-token.js';
import telegramBotToken from './telegram-bot-token.js';
import tencentCloudSecretId from './tencent-cloud-secret-id.js';
import terraformCloudToken from './terraform-cloud-token.js';
import travisCiToken from './travis-ci-token.js';
import twilioApiKey from './twilio-api-key.js';
import twilioAuthToken from './twilio-auth-token.js';
import twitterApiSecret from './twitter-api-secret.js';
import twitterBearerToken from './twitter-bearer-token.js';
import typeformToken from './typeform-token.js';
import vaultServiceToken from './vault-service-token.js';
import vercelAccessToken from './vercel-access-token.js';
import xaiApiKey from './xai-api-key.js';
import zendeskApiToken from './zendesk-api-token.js';
import type { Rule } from '../types.js';

/** Secret rules, sorted by id: one per detector. */
export const secretRules: Rule<any>[] = [
  awsAccessKeyId,
  awsSecretAccessKey,
  awsSessionToken,
  amazonMwsAuthToken,
  gcpServiceAccountKey,
  gcpApiKey,
  gcpOauthClientSecret,
  googleOauthAccessToken,
  azureStorageAccountKey,
  azureSharedAccessKey,
  azureSasToken,
  azureAdClientSecret,
  digitaloceanPersonalAccessToken,
  digitaloceanOauthToken,
  digitaloceanRefreshToken,
  alibabaAccessKeyId,
  alibabaAccessKeySecret,
  herokuApiKey,
  herokuLegacyApiKey,
  cloudflareApiToken,
  cloudflareOriginCaKey,
  ibmCloudApiKey,
  tencentCloudSecretId,
  githubPersonalAccessToken,
  githubOauthToken,
  githubAppUserToken,
  githubAppInstallationToken,
  githubRefreshToken,
  githubFineGrainedToken,
  gitlabPersonalAccessToken,
  gitlabPipelineTriggerToken,
  gitlabRunnerRegistrationToken,
  gitlabRunnerAuthenticationToken,
  gitlabDeployToken,
  gitlabFeedToken,
  gitlabOauthAppSecret,
  gitlabCiJobToken,
  gitlabScimToken,
  gitlabAgentToken,
  bitbucketAppPassword,
  bitbucketClientSecret,
  atlassianApiToken,
  circleciPersonalToken,
  circleciApiToken,
  travisCiToken,
  buildkiteAgentToken,
  azureDevopsPat,
  jenkinsApiToken,
  sonarqubeToken,
  terraformCloudToken,
  vaultServiceToken,
  pulumiAccessToken,
  dopplerToken,
  octopusDeployApiKey,
  openshiftUserToken,
  dockerhubPersonalAccessToken,
  dockerhubOrganizationToken,
  dockerConfigAuth,
  npmAccessToken,
  npmrcAuthToken,
  npmrcPassword,
  pypiUploadToken,
  rubygemsApiKey,
  nugetApiKey,
  cratesIoToken,
  clojarsToken,
  artifactoryApiKey,
  artifactoryReferenceToken,
  packagistToken,
  hexPmApiKey,
  gradlePublishKey,
  slackBotToken,
  slackUserToken,
  slackAppToken,
  slackLegacyToken,
  slackWebhookUrl,
  stripeLiveSecretKey,
  stripeRestrictedKey,
  stripeTestSecretKey,
  stripeWebhookSecret,
  squareAccessToken,
  squareOauthSecret,
  braintreeAccessToken,
  flutterwaveSecretKey,
  shippoApiToken,
  easypostApiKey,
  duffelApiToken,
  gocardlessApiToken,
  twilioApiKey,
  twilioAuthToken,
  sendgridApiKey,
  mailgunApiKey,
  mailgunSigningKey,
  mailchimpApiKey,
  mailjetApiSecret,
  postmarkServerToken,
  telegramBotToken,
  discordWebhookUrl,
  discordBotToken,
  microsoftTeamsWebhookUrl,
  shopifyAccessToken,
  shopifyCustomAppToken,
  shopifyPrivateAppToken,
  shopifySharedSecret,
  datadogApiKey,
  datadogAppKey,
  newRelicUserApiKey,
  newRelicInsertKey,
  newRelicBrowserToken,
  newRelicLicenseKey,
  sentryOrgToken,
  sentryUserToken,
  grafanaCloudToken,
  grafanaServiceAccountToken,
  grafanaApiKey,
  dynatraceApiToken,
  honeycombApiKey,
  splunkHecToken,
  pagerdutyApiKey,
  rollbarAccessToken,
  bugsnagApiKey,
  openaiApiKey,
  anthropicApiKey,
  anthropicAdminKey,
  huggingfaceAccessToken,
  huggingfaceOrganizationToken,
  groqApiKey,
  replicateApiToken,
  perplexityApiKey,
  xaiApiKey,
  cohereApiKey,
  mistralApiKey,
  linearApiKey,
  notionIntegrationToken,
  airtablePersonalAccessToken,
  asanaPersonalAccessToken,
  figmaPersonalAccessToken,
  postmanApiKey,
  typeformToken,
  contentfulToken,
  databricksToken,
  planetscaleToken,
  supabaseAccessToken,
  flyioAccessToken,
  prefectApiKey,
  readmeApiKey,
  scalingoApiToken,
  frameioApiToken,
  mapboxSecretToken,
  dropboxAccessToken,
  onepasswordServiceAccountToken,
  ageSecretKey,
  twitterBearerToken,
  facebookAccessToken,
  facebookAppSecret,
  twitterApiSecret,
  linkedinClientSecret,
  algoliaAdminKey,
  oktaApiToken,
  auth0ClientSecret,
  launchdarklyAccessToken,
  netlifyAccessToken,
  vercelAccessToken,
  snykApiToken,
  confluentApiSecret,
  firebaseCloudMessagingKey,
  zendeskApiToken,
  intercomAccessToken,
  hubspotPrivateAppToken,
  pemPrivateKey,
  pkcs8PrivateKey,
  pkcs8EncryptedPrivateKey,
  opensshPrivateKey,
  pgpPrivateKeyBlock,
  puttyPrivateKey,
  jsonWebToken,
  kubernetesBootstrapToken,
  postgresUrlPassword,
  mysqlUrlPassword,
  mongodbUrlPassword,
  redisUrlPassword,
  amqpUrlPassword,
  mssqlUrlPassword,
  kafkaNatsUrlPassword,
  ldapUrlPassword,
  ftpUrlPassword,
  smtpUrlPassword,
  basicAuthUrl,
  connectionStringPassword,
  genericPassword,
  genericSecret,
  genericToken,
  genericApiKey,
  kubernetesSecretData,
];
