// Package a holds the cases of the secretleak analyzer.
package a

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strings"

	"b"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

type settings struct {
	Region string
	APIKey string `secret:"true"`
	Token  string `json:"token" sensitive:"true"`
}

func env() {
	pw := os.Getenv("DB_PASSWORD")
	log.Printf("connecting with %s", pw)          // want `secret from os.Getenv\("DB_PASSWORD"\) reaches log.Printf \(go-secret-logged\)`
	fmt.Println("dsn:", "postgres://u:"+pw+"@db") // want `reaches fmt.Println`
	msg := fmt.Sprintf("token=%s", os.Getenv("API_TOKEN"))
	slog.Info("starting", "cfg", msg)              // want `secret from os.Getenv\("API_TOKEN"\) reaches slog.Info`
	slog.Default().Warn("x", slog.String("k", pw)) // want `reaches slog.Logger.Warn`
	if v, ok := os.LookupEnv("SERVICE_SECRET"); ok {
		fmt.Fprintln(os.Stderr, strings.ToUpper(v)) // want `reaches fmt.Fprintln`
	}
	os.Setenv("CHILD_PASSWORD", pw) // from the environment to it: not reported
}

func errs(s settings) error {
	if s.Region == "" {
		return errors.New("no region for key " + s.APIKey) // want `secret from secret-tagged field APIKey reaches errors.New`
	}
	return fmt.Errorf("bad token %q", s.Token) // want `secret-tagged field Token reaches fmt.Errorf`
}

func handler(w http.ResponseWriter, r *http.Request) {
	k := os.Getenv("STRIPE_API_KEY")
	w.Write([]byte(k))               // want `reaches http.ResponseWriter.Write`
	io.WriteString(w, k)             // want `reaches io.WriteString to an http.ResponseWriter`
	fmt.Fprintf(w, "key: %s", k)     // want `reaches fmt.Fprintf`
	http.Error(w, "bad key "+k, 500) // want `reaches http.Error`
}

func aws1(ctx context.Context, sm *secretsmanager.Client, p *ssm.Client) {
	out, _ := sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("db")})
	s := aws.ToString(out.SecretString)
	log.Println("secret:", s)       // want `secret from secretsmanager.GetSecretValueOutput.SecretString reaches log.Println`
	os.Setenv("DB", s)              // want `reaches os.Setenv \(go-secret-in-env\)`
	panic(string(out.SecretBinary)) // want `reaches panic`
}

func ssmDecrypted(ctx context.Context, p *ssm.Client) {
	out, _ := p.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/db/pw"), WithDecryption: aws.Bool(true)})
	b.Debug("pw", *out.Parameter.Value) // want `secret from a decrypted SSM parameter reaches b.Debug \(which passes it to log.Printf\)`
}

func ssmPlain(ctx context.Context, p *ssm.Client) {
	out, _ := p.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/region")})
	log.Println(*out.Parameter.Value) // not decrypted: not a secret source
}

func wrappers(s *settings) {
	b.Export(s.APIKey)    // want `reaches b.Export \(which passes it to b.setenv \(which passes it to os.Setenv\)\) \(go-secret-in-env\)`
	_ = b.Quiet(s.APIKey) // no sink
	logLocal(s.Token)     // want `reaches a.logLocal`
}

func logLocal(v string) { fmt.Print(v) } // want logLocal:`leaks`

func negatives(s settings) {
	log.Printf("home=%s region=%s", os.Getenv("HOME"), s.Region)
	log.Printf("token length %d", len(os.Getenv("API_TOKEN")))
	fmt.Fprintln(io.Discard, os.Getenv("API_TOKEN"))
	log.Printf("loaded %s", os.Getenv("DB_PASSWORD")) // keysweep:allow reviewed: a dev-only tool
	_ = os.Getenv("GITHUB_TOKEN") != ""
}
