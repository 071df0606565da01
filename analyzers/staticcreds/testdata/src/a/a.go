// Package a holds the cases of the staticcreds analyzer. Values in double
// braces are filled in with fake secrets when the test runs.
package a

import (
	"crypto/tls"
	"database/sql"
	"net/http"
	"net/url"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/oauth2"
)

const awsSecret = "{{awssecret}}"

func positives(req *http.Request) {
	_ = credentials.NewStaticCredentialsProvider("{{akia}}", "{{awssecret}}", "")  // want `literal AWS secret access key passed to credentials.NewStaticCredentialsProvider \(go-static-credentials\)`
	_ = credentials.NewStaticCredentialsProvider("{{akia}}", awsSecret, "")        // want `literal AWS secret access key`
	_ = aws.Credentials{AccessKeyID: "{{akia}}", SecretAccessKey: "{{awssecret}}"} // want `passed to aws.Credentials.SecretAccessKey`
	_ = &oauth2.Config{ClientID: "app", ClientSecret: "{{rand}}"}                  // want `literal OAuth2 client secret passed to oauth2.Config.ClientSecret`
	_, _ = sql.Open("postgres", "postgres://svc:{{rand}}@db.internal/app")         // want `literal database password in the DSN passed to sql.Open`
	_, _ = sql.Open("mysql", "svc:{{rand2}}@tcp(db:3306)/app")                     // want `passed to sql.Open`
	_, _ = sql.Open("sqlserver", "server=db;user id=svc;password={{rand}};")       // want `passed to sql.Open`
	_ = url.UserPassword("svc", "{{rand}}")                                        // want `literal password passed to url.UserPassword`
	req.SetBasicAuth("svc", "{{rand2}}")                                           // want `literal basic-auth password passed to Request.SetBasicAuth`
	_, _ = jwt.New().SignedString([]byte("{{rand}}"))                              // want `literal JWT signing key passed to Token.SignedString`
	_, _ = tls.X509KeyPair([]byte("cert"), []byte("{{pem}}"))                      // want `literal PEM private key passed to tls.X509KeyPair`
}

func negatives(req *http.Request, key []byte, certPEM, keyPEM []byte) {
	_ = credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")
	_ = credentials.NewStaticCredentialsProvider("", "", "")
	_ = aws.Credentials{AccessKeyID: "{{akia}}"}
	_ = oauth2.Config{ClientID: "app", ClientSecret: os.Getenv("CLIENT_SECRET")}
	_, _ = sql.Open("postgres", "postgres://svc@db.internal/app?sslmode=disable")
	_, _ = sql.Open("postgres", "host=db user=svc dbname=app")
	_, _ = sql.Open("postgres", os.Getenv("DATABASE_URL"))
	_, _ = sql.Open("mysql", "svc@tcp(db:3306)/app")
	_ = url.UserPassword("svc", os.Getenv("SVC_PASSWORD"))
	_ = url.UserPassword("svc", "${SVC_PASSWORD}")
	_ = url.User("svc")
	req.SetBasicAuth("svc", "")
	_, _ = jwt.New().SignedString(key)
	_, _ = tls.X509KeyPair(certPEM, keyPEM)
	_, _ = tls.X509KeyPair([]byte("cert"), []byte("not a key"))
	// keysweep:allow a documented example
	_ = url.UserPassword("svc", "{{rand}}")
}
