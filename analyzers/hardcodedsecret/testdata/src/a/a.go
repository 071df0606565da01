// Package a holds the cases of the hardcodedsecret analyzer. Values in
// double braces are filled in with fake secrets when the test runs.
package a

import (
	"fmt"
	"os"
)

// Content rules: a token anywhere, under its own rule's ID.
const githubToken = "{{ghp}}" // want `GitHub personal access token \(classic\) assigned to githubToken \(github-pat\)`

// A token split in two and folded by the type checker.
var folded = "{{ghp[0:12]}}" + "{{ghp[12:]}}" // want `\(github-pat\)`

func call() {
	fmt.Println("{{ghp}}")   // want `GitHub personal access token \(classic\) in a string constant \(github-pat\)`
	login("svc", "{{akia}}") // want `\(aws-access-key-id\)`
}

func login(user, key string) {}

// Names that hold secrets, random-looking values: the catalog's generic
// rules know most names, go-hardcoded-secret the rest.
const signingKey = "{{rand}}" // want `Hard-coded auth, encryption or signing key assigned to signingKey \(generic-signing-key\)`
const masterKey = "{{rand}}"  // want `random-looking literal assigned to masterKey \(go-hardcoded-secret\)`

type config struct {
	ClientSecret string
	SessionKey   string
	Region       string
}

var cfg = config{
	ClientSecret: "{{rand2}}",                        // want `assigned to ClientSecret \(generic-secret\)`
	SessionKey:   "{{rand2[0:5]}}" + "{{rand2[5:]}}", // want `assigned to SessionKey \(go-hardcoded-secret\)`
	Region:       "eu-west-1",
}

var headers = map[string]string{
	"x-api-token": "{{rand}}", // want `assigned to x-api-token`
}

func assign() {
	var c config
	c.ClientSecret = "{{rand2}}" // want `assigned to ClientSecret`
	dbPass := "{{rand}}"         // want `assigned to dbPass \(go-hardcoded-secret\)`
	_ = dbPass
}

// Compared with a secret-looking name.
func compare(pw string) bool {
	return pw == "{{rand}}" // want `assigned to pw \(go-hardcoded-secret\)`
}

// Suppressed, with a reason, or with gosec's directive.
const nosecToken = "{{rand2}}"  // #nosec G101 -- a fixture
const allowedToken = "{{rand}}" // keysweep:allow fixture for the suppression case

// gosec G101's reported false positives, and other names without values.
const (
	tokenRoute       = "public_tokens.route"
	passwordEnvVar   = "DB_PASSWORD"
	AccessKeyID      = "AccessKeyIDHeaderName24"
	tokenURL         = "https://oauth2.example.test/token"
	secretPath       = "/var/run/secrets/kubernetes.io/token"
	passwordFormat   = "password=%s host=%s"
	ErrInvalidToken  = "invalid token: expired"
	apiKeyHeader     = "X-Api-Key"
	clientSecretHint = "Kx7 paste your secret here 99"
	maxTokens        = "4096"
	emptyPassword    = ""
	placeholderKey   = "your-api-key-goes-here-123"
	templatedSecret  = "${CLIENT_SECRET}"
	twentyFourChars  = "ResourceGroupNameInvalid"
	userToken        = "userTokenCacheKeyPrefix_"
	sessionAuthKey   = "s3_disable_" + "express_session_auth" // folded: keysweep scan sees two halves
	privateKeyMagic  = "openssh-key-v1\x00"
)

var (
	envToken    = os.Getenv("API_TOKEN")
	password, _ = os.LookupEnv("DB_PASSWORD")
	// Not a secret-looking name: random values are everywhere (IDs, hashes).
	requestID = "{{rand}}"
)

// Struct tags and imports are not constants.
type tagged struct {
	Token string `json:"token" secret:"{{rand}}"`
}
