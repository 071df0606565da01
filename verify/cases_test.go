package verify

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base32"
	"encoding/binary"
	"encoding/pem"
	"strings"
	"sync"
	"testing"
)

// vcase is one verifier's test: a credential, the issuer's answer for a
// live one (in the provider's real response shape) with a detail it must
// yield, and its answer for a revoked one.
type vcase struct {
	verifier string
	rule     string
	secret   string
	parts    map[string]string
	details  map[string]string
	// sent is what the request must carry when not the secret itself;
	// "-" when the secret is only used to sign (AWS, GCP).
	sent    string
	live    reply
	want    [2]string // a detail's name and value; empty to check none
	revoked reply
}

func r(status int, body string) reply { return reply{status: status, body: body} }

func ok(body string) reply { return reply{status: 200, body: body} }

// awsKeyID makes an access key ID that names account, as AWS encodes it.
func awsKeyID(account uint64, seed uint64) string {
	var b [10]byte
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], account<<7)
	copy(b[:6], v[2:])
	copy(b[6:], fake(seed, "", 4, alnum))
	return "AKIA" + base32.StdEncoding.EncodeToString(b[:])
}

var (
	gcpKeyOnce sync.Once
	gcpKeyPEM  string
)

// gcpKey returns a PEM RSA key as a key file holds it (\n escaped).
func gcpKey(t *testing.T) string {
	gcpKeyOnce.Do(func() {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		der, _ := x509.MarshalPKCS8PrivateKey(k)
		p := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
		gcpKeyPEM = strings.ReplaceAll(string(p), "\n", `\n`)
	})
	return gcpKeyPEM
}

const stsLive = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::123456789012:user/deploy</Arn>
    <UserId>AIDAEXAMPLEUSERID0001</UserId>
    <Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`

const stsRevoked = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error>
  <RequestId>4c9a3c1e-0000-0000-0000-000000000000</RequestId>
</ErrorResponse>`

func cases(t *testing.T) []vcase {
	guid := func(seed uint64) string {
		h := fake(seed, "", 32, hexa)
		return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
	}
	webhookID, webhookToken := fake(31, "1", 17, digit), fake(32, "", 68, alnum)
	tg := fake(33, "", 10, digit) + ":" + fake(34, "", 35, alnum)
	unauthorized := r(401, `{"message":"Unauthorized"}`)
	return []vcase{
		{verifier: "airtable", rule: "airtable-personal-access-token", secret: fake(1, "pat", 60, alnum),
			live: ok(`{"id":"usrABC123","scopes":["data.records:read","schema.bases:read"],"email":"dev@example.com"}`), want: [2]string{"scopes", "data.records:read,schema.bases:read"},
			revoked: r(401, `{"error":{"type":"AUTHENTICATION_REQUIRED","message":"Authentication required"}}`)},
		{verifier: "anthropic", rule: "anthropic-api-key", secret: fake(2, "sk-ant-api03-", 93, alnum),
			live:    ok(`{"data":[{"type":"model","id":"claude-x","display_name":"Claude","created_at":"2025-01-01T00:00:00Z"}],"has_more":true,"first_id":"claude-x","last_id":"claude-x"}`),
			revoked: r(401, `{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}`)},
		{verifier: "anthropic-admin", rule: "anthropic-admin-key", secret: fake(3, "sk-ant-admin01-", 93, alnum),
			live:    ok(`{"data":[{"type":"user","id":"user_01","email":"a@example.com","role":"admin"}],"has_more":false}`),
			revoked: r(401, `{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}`)},
		{verifier: "asana", rule: "asana-personal-access-token", secret: fake(4, "2/", 40, digit),
			live: ok(`{"data":{"gid":"12345","name":"Ada Lovelace","email":"ada@example.com","resource_type":"user"}}`), want: [2]string{"name", "Ada Lovelace"},
			revoked: r(401, `{"errors":[{"message":"Not Authorized"}]}`)},
		{verifier: "aws", rule: "aws-secret-access-key", secret: fake(5, "", 40, alnum), sent: "-",
			parts: map[string]string{"aws-access-key-id": awsKeyID(123456789012, 5)},
			live:  reply{status: 200, body: stsLive, header: map[string]string{"Content-Type": "text/xml"}}, want: [2]string{"arn", "arn:aws:iam::123456789012:user/deploy"},
			revoked: reply{status: 403, body: stsRevoked, header: map[string]string{"Content-Type": "text/xml"}}},
		{verifier: "azure-entra", rule: "azure-entra-client-secret", secret: fake(6, "abc8Q~", 34, alnum),
			parts: map[string]string{"azure-tenant-id": guid(61), "azure-client-id": guid(62)},
			live:  ok(`{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"` + fake(63, "", 40, alnum) + `"}`), want: [2]string{"client_id", guid(62)},
			revoked: r(401, `{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.","error_codes":[7000215],"timestamp":"2026-01-01 00:00:00Z"}`)},
		{verifier: "bitbucket", rule: "bitbucket-access-token", secret: fake(7, "ATCTT3xFfGN0", 180, alnum),
			live: ok(`{"type":"user","username":"ada","display_name":"Ada L","uuid":"{0000}","account_id":"5f00"}`), want: [2]string{"username", "ada"},
			revoked: r(401, `{"type":"error","error":{"message":"Token is invalid, expired, or not supported for this endpoint."}}`)},
		{verifier: "brevo", rule: "brevo-api-key", secret: fake(8, "xkeysib-", 80, hexa),
			live: ok(`{"email":"ops@example.com","firstName":"Ops","lastName":"Team","companyName":"Example Ltd","plan":[{"type":"free","credits":300}]}`), want: [2]string{"company", "Example Ltd"},
			revoked: r(401, `{"message":"Key not found","code":"unauthorized"}`)},
		{verifier: "buildkite", rule: "buildkite-api-token", secret: fake(9, "bkua_", 40, hexa),
			live: ok(`{"uuid":"b63254c0-3271-4a98-8270-7cfbd6c2f14e","scopes":["read_builds","read_user"],"description":"ci"}`), want: [2]string{"scopes", "read_builds,read_user"},
			revoked: r(401, `{"message":"Authentication required. Please supply a valid API Access Token: https://buildkite.com/docs/apis/rest-api#authentication"}`)},
		{verifier: "calendly", rule: "calendly-personal-access-token", secret: fake(10, "eyJ", 200, alnum),
			live: ok(`{"resource":{"uri":"https://api.calendly.com/users/AAAA","name":"Ada Lovelace","slug":"ada","email":"ada@example.com"}}`), want: [2]string{"name", "Ada Lovelace"},
			revoked: r(401, `{"title":"Unauthenticated","message":"The access token is invalid"}`)},
		{verifier: "circleci", rule: "circleci-api-token", secret: fake(11, "CCIPAT_", 50, alnum),
			live: ok(`{"name":"Ada","login":"ada","id":"0000-1111"}`), want: [2]string{"login", "ada"},
			revoked: r(401, `{"message":"You must log in first."}`)},
		{verifier: "cloudflare", rule: "cloudflare-api-token", secret: fake(12, "", 40, alnum),
			live: ok(`{"result":{"id":"ed17574386854bf78a67040be0a770b0","status":"active"},"success":true,"errors":[],"messages":[{"code":10000,"message":"This API Token is valid and active","type":null}]}`), want: [2]string{"status", "active"},
			revoked: r(401, `{"success":false,"errors":[{"code":1000,"message":"Invalid API Token"}],"messages":[],"result":null}`)},
		{verifier: "datadog", rule: "datadog-api-key", secret: fake(13, "", 32, hexa),
			live: ok(`{"valid":true}`), revoked: r(403, `{"errors":["Forbidden"]}`)},
		{verifier: "digitalocean", rule: "digitalocean-token", secret: fake(14, "dop_v1_", 64, hexa),
			live: ok(`{"account":{"droplet_limit":25,"email":"ops@example.com","uuid":"b6fr89dbf6d9156cace5f3c78dc9851d957381ef","email_verified":true,"status":"active","team":{"uuid":"5df3e3004a","name":"My Team"}}}`), want: [2]string{"team", "My Team"},
			revoked: r(401, `{"id":"Unauthorized","message":"Unable to authenticate you"}`)},
		{verifier: "discord-bot", rule: "discord-bot-token", secret: fake(15, "MT", 24, alnum) + "." + fake(16, "", 6, alnum) + "." + fake(17, "", 38, alnum),
			live: ok(`{"id":"80351110224678912","username":"keysweep-test-bot","discriminator":"0","bot":true,"verified":true}`), want: [2]string{"username", "keysweep-test-bot"},
			revoked: r(401, `{"message":"401: Unauthorized","code":0}`)},
		{verifier: "discord-webhook", rule: "discord-webhook-url", secret: "https://discord.com/api/webhooks/" + webhookID + "/" + webhookToken, sent: webhookToken,
			live: ok(`{"application_id":null,"avatar":null,"channel_id":"199737254929760256","guild_id":"199737254929760256","id":"` + webhookID + `","name":"alerts","type":1,"token":"` + webhookToken + `"}`), want: [2]string{"name", "alerts"},
			revoked: r(404, `{"message":"Unknown Webhook","code":10015}`)},
		{verifier: "doppler", rule: "doppler-service-token", secret: fake(18, "dp.st.", 40, alnum),
			live: ok(`{"workplace":{"slug":"acme","name":"Acme"},"type":"service_token","token_preview":"dp.st.xxxx","name":"ci"}`), want: [2]string{"workplace", "Acme"},
			revoked: r(401, `{"messages":["Invalid Auth token"],"success":false}`)},
		{verifier: "dropbox", rule: "dropbox-long-lived-token", secret: fake(19, "", 11, alnum) + "AAAAAAAAAA" + fake(20, "", 43, alnum),
			live: ok(`{"account_id":"dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc","name":{"given_name":"Franz","surname":"Ferdinand","familiar_name":"Franz","display_name":"Franz Ferdinand (Personal)","abbreviated_name":"FF"},"email":"franz@example.com","email_verified":true,"disabled":false}`), want: [2]string{"name", "Franz Ferdinand (Personal)"},
			revoked: r(401, `{"error_summary":"invalid_access_token/...","error":{".tag":"invalid_access_token"}}`)},
		{verifier: "elevenlabs", rule: "elevenlabs-api-key", secret: fake(21, "sk_", 48, hexa),
			live: ok(`{"user_id":"u1","subscription":{"tier":"creator","character_count":10,"character_limit":100000},"is_new_user":false}`), want: [2]string{"tier", "creator"},
			revoked: r(401, `{"detail":{"status":"invalid_api_key","message":"Invalid API key"}}`)},
		{verifier: "figma", rule: "figma-personal-access-token", secret: fake(22, "figd_", 40, alnum),
			live: ok(`{"id":"1234","email":"ada@example.com","handle":"ada","img_url":"https://example.com/a.png"}`), want: [2]string{"handle", "ada"},
			revoked: r(403, `{"status":403,"err":"Invalid token"}`)},
		{verifier: "gcp-service-account", rule: "google-cloud-service-account-key", secret: gcpKey(t), sent: "-",
			details: map[string]string{"client_email": "deployer@example-project.iam.gserviceaccount.com"},
			live:    ok(`{"access_token":"` + fake(23, "", 60, alnum) + `","expires_in":3599,"token_type":"Bearer"}`), want: [2]string{"client_email", "deployer@example-project.iam.gserviceaccount.com"},
			revoked: r(400, `{"error":"invalid_grant","error_description":"Invalid JWT Signature."}`)},
		{verifier: "github", rule: "github-pat", secret: fake(24, "ghp_", 36, alnum),
			live:    reply{status: 200, body: `{"login":"octocat","id":1,"type":"User","site_admin":false}`, header: map[string]string{"X-OAuth-Scopes": "repo, read:org"}},
			want:    [2]string{"scopes", "repo,read:org"},
			revoked: r(401, `{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}`)},
		{verifier: "gitlab", rule: "gitlab-pat", secret: fake(25, "glpat-", 20, alnum),
			live: ok(`{"id":42,"name":"ci token","revoked":false,"created_at":"2026-01-01T00:00:00.000Z","scopes":["api","read_user"],"user_id":7,"last_used_at":null,"active":true,"expires_at":"2026-12-31"}`), want: [2]string{"scopes", "api,read_user"},
			revoked: r(401, `{"message":"401 Unauthorized"}`)},
		{verifier: "google-api-key", rule: "google-api-key", secret: fake(26, "AIza", 35, alnum),
			live:    ok(`{"models":[{"name":"models/gemini-2.0-flash","displayName":"Gemini"}],"nextPageToken":"x"}`),
			revoked: r(400, `{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}}]}}`)},
		{verifier: "groq", rule: "groq-api-key", secret: fake(27, "gsk_", 52, alnum),
			live:    ok(`{"object":"list","data":[{"id":"llama-3","object":"model","owned_by":"Meta"}]}`),
			revoked: r(401, `{"error":{"message":"Invalid API Key","type":"invalid_request_error","code":"invalid_api_key"}}`)},
		{verifier: "heroku", rule: "heroku-api-key", secret: fake(28, "HRKU-", 60, alnum),
			live: ok(`{"allow_tracking":true,"beta":false,"email":"ops@example.com","id":"01234567-89ab-cdef-0123-456789abcdef","verified":true}`), want: [2]string{"email", "ops@example.com"},
			revoked: r(401, `{"id":"unauthorized","message":"Invalid credentials provided."}`)},
		{verifier: "honeycomb", rule: "honeycomb-api-key", secret: fake(29, "hcaik_", 58, alnum),
			live: ok(`{"id":"kid1","type":"configuration","api_key_access":{"events":true,"markers":true},"environment":{"name":"Production","slug":"prod"},"team":{"name":"Acme","slug":"acme"}}`), want: [2]string{"team", "acme"},
			revoked: r(401, `{"error":"unknown API key - check your credentials"}`)},
		{verifier: "hubspot", rule: "hubspot-private-app-token", secret: "pat-na1-" + guid(30),
			live: ok(`{"portalId":62515,"accountType":"STANDARD","timeZone":"US/Eastern","companyCurrency":"USD","additionalCurrencies":[],"utcOffset":"-05:00","utcOffsetMilliseconds":-18000000,"uiDomain":"app.hubspot.com","dataHostingLocation":"na1"}`), want: [2]string{"portal_id", "62515"},
			revoked: r(401, `{"status":"error","message":"Authentication credentials not found.","category":"INVALID_AUTHENTICATION"}`)},
		{verifier: "huggingface", rule: "huggingface-access-token", secret: fake(35, "hf_", 34, alnum),
			live: ok(`{"type":"user","id":"0001","name":"ada","fullname":"Ada","orgs":[],"auth":{"type":"access_token","accessToken":{"displayName":"ci","role":"write"}}}`), want: [2]string{"role", "write"},
			revoked: r(401, `{"error":"Invalid credentials in Authorization header"}`)},
		{verifier: "intercom", rule: "intercom-access-token", secret: fake(36, "dG9r", 56, alnum),
			live: ok(`{"type":"admin","id":"991267","email":"ops@example.com","name":"Ops","app":{"type":"app","id_code":"abc1","name":"Acme Support"}}`), want: [2]string{"app", "Acme Support"},
			revoked: r(401, `{"type":"error.list","request_id":"x","errors":[{"code":"unauthorized","message":"Access Token Invalid"}]}`)},
		{verifier: "linear", rule: "linear-api-key", secret: fake(37, "lin_api_", 40, alnum),
			live: ok(`{"data":{"viewer":{"id":"u1","name":"Ada Lovelace"}}}`), want: [2]string{"user", "Ada Lovelace"},
			revoked: r(400, `{"errors":[{"message":"Authentication required, not authenticated","extensions":{"type":"authentication error","code":"AUTHENTICATION_ERROR"}}]}`)},
		{verifier: "linode", rule: "linode-token", secret: fake(38, "", 64, hexa),
			live: ok(`{"username":"ada","email":"ada@example.com","restricted":false,"two_factor_auth":true}`), want: [2]string{"username", "ada"},
			revoked: r(401, `{"errors":[{"reason":"Invalid Token"}]}`)},
		{verifier: "mailchimp", rule: "mailchimp-api-key", secret: fake(39, "", 32, hexa) + "-us6",
			live: ok(`{"account_id":"8d3a3db4d97663a9074efcc16","login_id":"1","account_name":"Acme Mail","email":"ops@example.com"}`), want: [2]string{"account_name", "Acme Mail"},
			revoked: r(401, `{"type":"https://mailchimp.com/developer/marketing/docs/errors/","title":"API Key Invalid","status":401,"detail":"Your API key may be invalid, or you've attempted to access the wrong datacenter.","instance":"x"}`)},
		{verifier: "mailgun", rule: "mailgun-api-key", secret: fake(40, "key-", 32, hexa),
			live: ok(`{"total_count":1,"items":[{"name":"mg.example.com","state":"active","type":"custom"}]}`), want: [2]string{"domain", "mg.example.com"},
			revoked: r(401, `Forbidden`)},
		{verifier: "mapbox", rule: "mapbox-secret-token", secret: "sk." + fake(41, "eyJ", 60, alnum) + "." + fake(42, "", 22, alnum),
			live: ok(`{"code":"TokenValid","token":{"usage":"sk","user":"ada","authorization":"ck1","scopes":["styles:read"]}}`), want: [2]string{"user", "ada"},
			revoked: r(401, `{"code":"TokenRevoked","token":{"usage":"sk","user":"ada"}}`)},
		{verifier: "mistral", rule: "mistral-api-key", secret: fake(43, "", 32, alnum),
			live: ok(`{"object":"list","data":[{"id":"mistral-small","object":"model"}]}`), revoked: r(401, `{"message":"Unauthorized","request_id":"x"}`)},
		{verifier: "neon", rule: "neon-api-key", secret: fake(44, "napi_", 64, alnum),
			live: ok(`{"id":"6f2a0d1e-user","email":"ada@example.com","name":"Ada","plan":"free"}`), want: [2]string{"user_id", "6f2a0d1e-user"},
			revoked: r(401, `{"code":"","message":"authentication required"}`)},
		{verifier: "netlify", rule: "netlify-token", secret: fake(45, "nfp_", 36, alnum),
			live: ok(`{"id":"5b0f","uid":null,"full_name":"Ada Lovelace","email":"ada@example.com","site_count":3}`), want: [2]string{"name", "Ada Lovelace"},
			revoked: unauthorized},
		{verifier: "newrelic", rule: "newrelic-user-api-key", secret: fake(46, "NRAK-", 27, alnum),
			live: ok(`{"data":{"actor":{"user":{"name":"Ada","email":"ada@example.com"}}}}`), want: [2]string{"user", "Ada"},
			revoked: r(401, `{"errors":[{"message":"Invalid API key","extensions":{"errorClass":"UNAUTHORIZED"}}]}`)},
		{verifier: "notion", rule: "notion-api-token", secret: fake(47, "ntn_", 46, alnum),
			live: ok(`{"object":"user","id":"16d84278","name":"Deploy Bot","avatar_url":null,"type":"bot","bot":{"owner":{"type":"workspace","workspace":true},"workspace_name":"Acme"}}`), want: [2]string{"workspace", "Acme"},
			revoked: r(401, `{"object":"error","status":401,"code":"unauthorized","message":"API token is invalid."}`)},
		{verifier: "npm", rule: "npm-access-token", secret: fake(48, "npm_", 36, alnum),
			live: ok(`{"username":"ada"}`), want: [2]string{"username", "ada"},
			revoked: r(401, `{"error":"You must be logged in to whoami"}`)},
		{verifier: "openai", rule: "openai-project-key", secret: fake(49, "sk-proj-", 120, alnum),
			live:    reply{status: 200, body: `{"object":"list","data":[{"id":"gpt-x","object":"model","owned_by":"openai"}]}`, header: map[string]string{"openai-organization": "acme-org"}},
			want:    [2]string{"organization", "acme-org"},
			revoked: r(401, `{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`)},
		{verifier: "openai-admin", rule: "openai-admin-key", secret: fake(50, "sk-admin-", 100, alnum),
			live:    ok(`{"object":"list","data":[{"id":"proj_abc","object":"organization.project","name":"Default project","status":"active"}],"has_more":false}`),
			revoked: r(401, `{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}}`)},
		{verifier: "openrouter", rule: "openrouter-api-key", secret: fake(51, "sk-or-v1-", 64, hexa),
			live: ok(`{"data":{"label":"sk-or-v1-abc...xyz","usage":1.5,"limit":null,"is_free_tier":false}}`), want: [2]string{"label", "sk-or-v1-abc...xyz"},
			revoked: r(401, `{"error":{"message":"No auth credentials found","code":401}}`)},
		{verifier: "pagerduty", rule: "pagerduty-api-key", secret: fake(52, "u+", 18, alnum),
			live:    ok(`{"abilities":["teams","read_only_users","sso"]}`),
			revoked: r(401, `{"error":{"message":"Authentication failed","code":2006}}`)},
		{verifier: "postman", rule: "postman-api-key", secret: fake(53, "PMAK-", 59, alnum),
			live: ok(`{"user":{"id":12345678,"username":"ada","email":"ada@example.com","fullName":"Ada"}}`), want: [2]string{"username", "ada"},
			revoked: r(401, `{"error":{"name":"AuthenticationError","message":"Invalid API Key. Every request requires a valid API Key to be sent."}}`)},
		{verifier: "postmark", rule: "postmark-api-token", secret: guid(54),
			live: ok(`{"ID":1,"Name":"Production","ApiTokens":[],"Color":"red"}`), want: [2]string{"server", "Production"},
			revoked: r(401, `{"ErrorCode":10,"Message":"The Server Token you provided in the X-Postmark-Server-Token request header was invalid."}`)},
		{verifier: "pulumi", rule: "pulumi-access-token", secret: fake(55, "pul-", 40, hexa),
			live: ok(`{"name":"Ada","githubLogin":"ada","avatarUrl":"https://example.com/a.png","organizations":[]}`), want: [2]string{"login", "ada"},
			revoked: r(401, `{"code":401,"message":"Unauthorized: No credentials provided or are invalid."}`)},
		{verifier: "pypi", rule: "pypi-upload-token", secret: fake(56, "pypi-AgEIcHlwaS5vcmc", 120, alnum),
			live: r(400, `400 Error: 'name' is a required field`), want: [2]string{"scope", "upload"},
			revoked: r(403, `Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth for more information.`)},
		{verifier: "replicate", rule: "replicate-api-token", secret: fake(57, "r8_", 37, alnum),
			live: ok(`{"type":"organization","username":"acme","name":"Acme","github_url":null}`), want: [2]string{"username", "acme"},
			revoked: r(401, `{"title":"Unauthenticated","detail":"You did not pass a valid authentication token","status":401}`)},
		{verifier: "resend", rule: "resend-api-key", secret: fake(58, "re_", 32, alnum),
			live:    ok(`{"data":[{"id":"d91cd9bd","name":"example.com","status":"verified","region":"us-east-1"}]}`),
			revoked: r(403, `{"statusCode":403,"message":"API key is invalid","name":"invalid_api_key"}`)},
		{verifier: "sendgrid", rule: "sendgrid-api-key", secret: fake(59, "SG.", 22, alnum) + "." + fake(60, "", 43, alnum),
			live: ok(`{"scopes":["mail.send","alerts.read"]}`), want: [2]string{"scopes", "mail.send,alerts.read"},
			revoked: r(401, `{"errors":[{"field":null,"message":"authorization required"}]}`)},
		{verifier: "sentry", rule: "sentry-user-token", secret: fake(64, "sntryu_", 64, hexa),
			live: ok(`[{"id":"2","slug":"acme","name":"Acme","status":{"id":"active","name":"active"}}]`), want: [2]string{"organization", "acme"},
			revoked: r(401, `{"detail":"Invalid token"}`)},
		{verifier: "slack", rule: "slack-bot-token", secret: fake(65, "xoxb-", 50, alnum),
			live:    reply{status: 200, body: `{"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"deploybot","team_id":"T12345","user_id":"W12345","bot_id":"B12345","is_enterprise_install":false}`, header: map[string]string{"x-oauth-scopes": "chat:write,channels:read"}},
			want:    [2]string{"team", "Acme"},
			revoked: ok(`{"ok":false,"error":"invalid_auth"}`)},
		{verifier: "snyk", rule: "snyk-api-token", secret: guid(66),
			live: ok(`{"id":"abcd","username":"ada","email":"ada@example.com","orgs":[]}`), want: [2]string{"username", "ada"},
			revoked: r(401, `{"code":401,"message":"Invalid auth token provided","error":"Invalid auth token provided"}`)},
		{verifier: "square", rule: "square-access-token", secret: fake(67, "EAAA", 60, alnum),
			live: ok(`{"merchant":{"id":"DM7VKY8Q63GNP","business_name":"Apple A Day","country":"US","language_code":"en-US","currency":"USD","status":"ACTIVE","main_location_id":"9A65CGC72ZQG1"}}`), want: [2]string{"merchant", "Apple A Day"},
			revoked: r(401, `{"errors":[{"category":"AUTHENTICATION_ERROR","code":"UNAUTHORIZED","detail":"This request could not be authorized."}]}`)},
		{verifier: "stripe", rule: "stripe-secret-key", secret: fake(68, "sk_live_", 24, alnum),
			live: ok(`{"object":"balance","available":[{"amount":0,"currency":"usd","source_types":{"card":0}}],"livemode":true,"pending":[]}`), want: [2]string{"mode", "live"},
			revoked: r(401, `{"error":{"message":"Invalid API Key provided: sk_live_****abcd","type":"invalid_request_error"}}`)},
		{verifier: "supabase", rule: "supabase-personal-access-token", secret: fake(69, "sbp_", 40, hexa),
			live: ok(`[{"id":"abcdefghijklmnop","organization_id":"org1","name":"prod-db","region":"us-east-1","status":"ACTIVE_HEALTHY"}]`), want: [2]string{"project", "prod-db"},
			revoked: r(401, `{"message":"Unauthorized"}`)},
		{verifier: "telegram", rule: "telegram-bot-token", secret: tg,
			live: ok(`{"ok":true,"result":{"id":123456789,"is_bot":true,"first_name":"Deploy","username":"deploy_bot","can_join_groups":true}}`), want: [2]string{"username", "deploy_bot"},
			revoked: r(401, `{"ok":false,"error_code":401,"description":"Unauthorized"}`)},
		{verifier: "terraform-cloud", rule: "terraform-cloud-api-token", secret: fake(70, "", 14, alnum) + ".atlasv1." + fake(71, "", 67, alnum),
			live: ok(`{"data":{"id":"user-V3R563qtJNcExAkN","type":"users","attributes":{"username":"ada","email":"ada@example.com","is-service-account":false}}}`), want: [2]string{"username", "ada"},
			revoked: r(401, `{"errors":[{"status":"401","title":"unauthorized"}]}`)},
		{verifier: "twilio", rule: "twilio-api-key-secret", secret: fake(72, "", 32, alnum),
			parts: map[string]string{"twilio-api-key-sid": fake(73, "SK", 32, hexa)},
			live:  ok(`{"accounts":[{"sid":"AC00000000000000000000000000000000","friendly_name":"Acme Prod","status":"active","type":"Full"}],"page":0,"page_size":1}`), want: [2]string{"account_name", "Acme Prod"},
			revoked: r(401, `{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}`)},
		{verifier: "typeform", rule: "typeform-personal-access-token", secret: fake(74, "tfp_", 44, alnum),
			live: ok(`{"alias":"ada","email":"ada@example.com","language":"en","user_id":"01ABC"}`), want: [2]string{"alias", "ada"},
			revoked: r(401, `{"code":"AUTHENTICATION_FAILED","description":"Authentication credentials not found on the Request Headers"}`)},
		{verifier: "vercel", rule: "vercel-token", secret: fake(75, "vcp_", 56, alnum),
			live: ok(`{"user":{"id":"AEIIDYVk59zbFF2Sxfyxxmua","email":"ada@example.com","name":"Ada","username":"ada"}}`), want: [2]string{"username", "ada"},
			revoked: r(403, `{"error":{"code":"forbidden","message":"Not authorized","invalidToken":true}}`)},
		{verifier: "xai", rule: "xai-api-key", secret: fake(76, "xai-", 80, alnum),
			live: ok(`{"redacted_api_key":"xai-****abcd","user_id":"u1","name":"ci key","create_time":"2026-01-01T00:00:00Z","team_id":"team-1","acls":["api-key:model:*"],"api_key_id":"k1","team_blocked":false,"api_key_blocked":false,"api_key_disabled":false}`), want: [2]string{"team_id", "team-1"},
			revoked: r(400, `{"code":"Client specified an invalid argument","error":"Incorrect API key provided: xa***cd. You can obtain an API key from https://console.x.ai."}`)},
	}
}
