package rules

import (
	"strings"
	"testing"
)

func TestValidSlackToken(t *testing.T) {
	hex32, hex64 := strings.Repeat("0a1b2c3d", 4), strings.Repeat("0a1b2c3d", 8)
	long := strings.Repeat("AbC0", 40)
	for tok, want := range map[string]string{
		// keysweep:allow fake value shaped for this validator test
		"xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx": "bot",
		// keysweep:allow fake value shaped for this validator test
		"xoxb-111111111111-AbCdEfGhIjKlMnOpQrStUvWx":        "bot",
		"xoxp-1234567890-1234567890-1234567890123-" + hex32: "user",
		"xapp-1-A0123ABCDEF-1234567890123-" + hex64:         "app-level",
		"xoxe.xoxp-1-" + long:                               "expiring user or app configuration",
		"xoxe.xoxb-1-" + long:                               "expiring bot",
		"xoxe-1-" + long:                                    "refresh",
	} {
		v, d := validSlackToken(tok)
		if v != Valid || d["token_type"] != want {
			t.Errorf("%s: %v %v, want Valid %s", tok, v, d, want)
		}
	}
	for name, tok := range map[string]string{
		"leading zero ID":      "xoxb-0234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
		"short ID":             "xoxb-12345-AbCdEfGhIjKlMnOpQrStUvWx",
		"bot secret length":    "xoxb-1234567890123-1234567890123-AbCdEfGhIjKl",
		"bot secret alphabet":  "xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUv_x",
		"too many bot IDs":     "xoxb-1234567890-1234567890-1234567890-AbCdEfGhIjKlMnOpQrStUvWx",
		"user ID count":        "xoxp-1234567890-1234567890-" + hex32,
		"user secret case":     "xoxp-1234567890-1234567890-1234567890123-" + strings.ToUpper(hex32),
		"app ID":               "xapp-1-B0123ABCDEF-1234567890123-" + hex64,
		"app version":          "xapp-0-A0123ABCDEF-1234567890123-" + hex64,
		"app secret length":    "xapp-1-A0123ABCDEF-1234567890123-" + hex32,
		"config secret length": "xoxe.xoxp-1-abc",
		"config version":       "xoxe-x-" + long,
		"unknown prefix":       "xoxq-1234567890-1234567890-1234567890123-" + hex32,
		"empty":                "",
	} {
		if v, d := validSlackToken(tok); v != Invalid {
			t.Errorf("%s: %v %v, want Invalid", name, v, d)
		}
	}
}

func TestSlackRulesValidate(t *testing.T) {
	e := catalogEngine(t, "data/messaging.toml")
	// keysweep:allow fake value shaped for this validator test
	f, ok := findingOf(t, e, "slack-bot-token", `token="xoxb-2222222222-3333333333333-0a1B2c3D4e5F6g7H8i9J0k1L"`)
	if !ok || !f.Validated || f.Details["token_type"] != "bot" {
		t.Errorf("found %v, validated %v, details %v", ok, f.Validated, f.Details)
	}
	// keysweep:allow fake value shaped for this validator test
	if _, ok := findingOf(t, e, "slack-bot-token", `token="xoxb-0222222222-3333333333333-0a1B2c3D4e5F6g7H8i9J0k1L"`); ok {
		t.Error("bot token with a zero-led team ID reported")
	}
}
