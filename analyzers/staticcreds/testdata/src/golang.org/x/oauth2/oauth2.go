// Package oauth2 stubs golang.org/x/oauth2.
package oauth2

// Config stubs oauth2.Config.
type Config struct {
	ClientID     string
	ClientSecret string
	RedirectURL  string
}
