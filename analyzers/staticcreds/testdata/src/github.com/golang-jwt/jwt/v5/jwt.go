// Package jwt stubs github.com/golang-jwt/jwt/v5.
package jwt

// Token stubs jwt.Token.
type Token struct{}

// New stubs jwt.New.
func New() *Token { return &Token{} }

// SignedString stubs Token.SignedString.
func (t *Token) SignedString(key any) (string, error) { return "", nil }
