// Package staticcreds defines an Analyzer that reports literal secrets
// passed to the constructors of credentials.
//
// # Analyzer staticcreds
//
// staticcreds: report literal secrets given to credential constructors
//
// A constant string (a literal, a folded concatenation, a named
// constant, or []byte of one) in the secret position of:
//
//   - credentials.NewStaticCredentialsProvider (aws-sdk-go-v2) and
//     credentials.NewStaticCredentials (aws-sdk-go), or the
//     SecretAccessKey of an aws.Credentials literal;
//   - the ClientSecret of an oauth2.Config or clientcredentials.Config;
//   - sql.Open's data source name, when it holds a password (URL,
//     key=value and MySQL user:password@ forms);
//   - url.UserPassword's password and (*http.Request).SetBasicAuth's;
//   - the key of a JWT's SignedString (github.com/golang-jwt/jwt and
//     github.com/dgrijalva/jwt-go);
//   - tls.X509KeyPair's key, when it is a PEM private key.
//
// Functions and types are matched by package path and name through the
// type checker, never by the text of the call. Placeholders ("${PASS}",
// "changeme", "%s") and empty strings are not reported; nor are _test.go
// files unless -tests is set (default false), nor generated files. A
// `// keysweep:allow <reason>` comment on the line, or the line above,
// suppresses a report. The diagnostic's category is the catalog rule
// go-static-credentials.
package staticcreds
