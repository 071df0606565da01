package staticcreds

import (
	"net/url"
	"regexp"
	"strings"
)

// DSNPassword returns the password in a database data source name, or ""
// when it holds none: the URL form (postgres://user:pass@host/db), the
// key=value forms of lib/pq (password=pass) and of SQL Server and ODBC
// (Password=pass; or PWD=pass;), and the MySQL form
// (user:pass@tcp(host)/db).
func DSNPassword(dsn string) string {
	dsn = strings.TrimSpace(dsn)
	if i := strings.Index(dsn, "://"); i > 0 && !strings.ContainsAny(dsn[:i], " =;@") {
		u, err := url.Parse(dsn)
		if err != nil || u.User == nil {
			return ""
		}
		p, _ := u.User.Password()
		return p
	}
	if p, ok := keyValuePassword(dsn); ok {
		return p
	}
	// MySQL: [user[:password]@][protocol[(address)]]/dbname[?params]
	at := strings.LastIndex(dsn, "@")
	if at < 0 {
		return ""
	}
	cred := dsn[:at]
	i := strings.Index(cred, ":")
	if i < 0 || strings.ContainsAny(cred, " =;/") {
		return ""
	}
	return cred[i+1:]
}

// kvPassword matches password= or pwd= in a space- or semicolon-separated
// list of key=value pairs, the value bare, quoted or in braces.
var kvPassword = regexp.MustCompile(`(?i)(?:^|[\s;])(?:password|pwd)\s*=\s*(?:'([^']*)'|"([^"]*)"|\{([^}]*)\}|([^\s;]*))`)

// keyValuePassword finds the password of a key=value DSN.
func keyValuePassword(dsn string) (string, bool) {
	m := kvPassword.FindStringSubmatch(dsn)
	if m == nil {
		return "", false
	}
	return m[1] + m[2] + m[3] + m[4], true
}
