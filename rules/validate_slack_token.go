package rules

import "strings"

// validSlackToken checks the shape of Slack's tokens, segment by segment,
// as Slack documents and issues them (docs.slack.dev/authentication/tokens,
// …/using-token-rotation):
//
//	xoxb-<team ID>[-<bot user ID>]-<24 letters and digits>          bot
//	xoxp-<team ID>-<user ID>-<token ID>-<32 lower-case hex>         user
//	xapp-<version>-<app ID A…>-<numeric ID>-<64 lower-case hex>     app-level
//	xoxe.xoxp-<version>-<100+ letters and digits>                   expiring user / app configuration
//	xoxe.xoxb-<version>-<100+ letters and digits>                   expiring bot
//	xoxe-<version>-<100+ letters and digits>                        refresh
//
// Numeric IDs are decimal without a leading zero; the version is a
// non-zero digit. Anything else is Invalid. It reports the token type,
// never an ID.
func validSlackToken(token string) (Validity, map[string]string) {
	typ, ok := slackTokenShape(token)
	if !ok {
		return Invalid, nil
	}
	return Valid, map[string]string{"token_type": typ}
}

func slackTokenShape(token string) (string, bool) {
	prefix, rest, _ := strings.Cut(token, "-")
	seg := strings.Split(rest, "-")
	last := seg[len(seg)-1]
	switch prefix {
	case "xoxb":
		if len(seg) != 2 && len(seg) != 3 || len(last) != 24 || !allIn(last, isAlnum) {
			return "", false
		}
		return "bot", slackIDs(seg[:len(seg)-1])
	case "xoxp":
		if len(seg) != 4 || len(last) != 32 || !allIn(last, isLowerHex) {
			return "", false
		}
		return "user", slackIDs(seg[:3])
	case "xapp":
		if len(seg) != 4 || !slackVersion(seg[0]) || len(seg[1]) < 9 || seg[1][0] != 'A' ||
			!allIn(seg[1], isUpperAlnum) || len(last) != 64 || !allIn(last, isLowerHex) {
			return "", false
		}
		return "app-level", slackIDs(seg[2:3])
	case "xoxe.xoxp", "xoxe.xoxb", "xoxe":
		if len(seg) != 2 || !slackVersion(seg[0]) || len(last) < 100 || !allIn(last, isAlnum) {
			return "", false
		}
		return map[string]string{
			"xoxe.xoxp": "expiring user or app configuration",
			"xoxe.xoxb": "expiring bot",
			"xoxe":      "refresh",
		}[prefix], true
	}
	return "", false
}

// slackIDs checks numeric ID segments: 6 to 14 digits, no leading zero.
func slackIDs(ids []string) bool {
	for _, id := range ids {
		if len(id) < 6 || len(id) > 14 || id[0] == '0' || !allIn(id, isDigit) {
			return false
		}
	}
	return true
}

func slackVersion(s string) bool { return len(s) == 1 && '1' <= s[0] && s[0] <= '9' }

func allIn(s string, ok func(byte) bool) bool {
	for i := range len(s) {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool      { return '0' <= c && c <= '9' }
func isLowerHex(c byte) bool   { return isDigit(c) || 'a' <= c && c <= 'f' }
func isUpperAlnum(c byte) bool { return isDigit(c) || 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool      { return isUpperAlnum(c) || 'a' <= c && c <= 'z' }
