package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestNotSecret(t *testing.T) {
	for v, want := range map[string]string{
		// Masked and redacted.
		"sk_live_****************": reasonMasked,
		"XXXXXXXX-XXXX-XXXX-XXXX":  reasonMasked,
		"ab12…":                    reasonMasked,
		"token-REDACTED-by-filter": reasonMasked,
		"########################": reasonMasked,
		"•••••••••••••":            reasonMasked,
		// Expressions and types.
		"list[V1ObjectReference]": reasonExpression,
		"getAccessToken()":        reasonExpression,
		"Map<String,String>":      reasonExpression,
		// Templates and references.
		"${DB_PASSWORD}":     reasonTemplate,
		"{{.Values.apiKey}}": reasonTemplate,
		"<%=ENV['SECRET']%>": reasonTemplate,
		"%(api_token)s":      reasonTemplate,
		"pre-${ENV}-fix":     reasonTemplate,
		"${TOKEN:-dev":       reasonTemplate, // cut off at a blank
		"k8s-{{ .x }}-2":     reasonTemplate,
		"token-$(API_TOKEN)": reasonTemplate,
		// Braces in random order are a password's symbols.
		"m{{h}o)p${e]q7(Lz[k>-_$#w3x}}": "",
		"Kq8}}Hw3${Lzp":                 "",
		"Bearer-%s":                     reasonTemplate,
		"__API_KEY__":                   reasonTemplate,
		"$API_TOKEN":                    reasonTemplate,
		"%APP_SECRET%":                  reasonTemplate,
		"<your-api-key>":                reasonTemplate,
		// Repeated and sequential.
		"abcdefghijklmnopqrstuvwxyz":       reasonRepeated,
		"a1b2c3d4e5f6g7h8i9j0":             reasonRepeated,
		"k1m2n3p4q5r6s7t8u9v0":             reasonRepeated,
		"abc123abc123abc123":               reasonRepeated,
		"0f1e2d3c4b5a69780f1e2d3c4b5a6978": reasonRepeated,
		// Words.
		"accessTokenExpiredError":    reasonWords,
		"Optional.":                  reasonWords,
		"Deprecated:":                reasonWords,
		"a-refresh-token..client-id": reasonWords,
		"XDG_CONFIG_HOME-bar":        reasonWords,
		"oauth2-authorization-code":  reasonWords,
		"googlecloudagentidentitycredentialsv1betaRetrievecredentialsrequest": reasonWords,
		"private_key_pkcs8_pem": reasonWords,
		"v4aCredentialProvider": reasonWords,
		"john.doe@company.com":  reasonWords,
		// Base64 of words.
		"dGhpcyBpcyBub3QgYSByZWFsIHZhbHVl": reasonBase64Txt, // "this is not a real value"
		"Q0xJRU5UX0lEOkNMSUVOVF9TRUNSRVQ=": reasonBase64Txt, // CLIENT_ID:CLIENT_SECRET
		"c2VydmljZS1hY2NvdW50LXBhc3N3b3Jk": reasonBase64Txt,
		// Leetspeak placeholders.
		"s3cr3tP4ssw0rd": reasonLeet,
		"@dm1n-t0k3n":    reasonLeet,
		// Host names.
		"project-one-12345.hasura.app": reasonHost,
		"4f2a9c.acme-invoices.com":     reasonHost,
		"redis-master.cache.svc":       reasonHost,
		// Values that may be secrets.
		"u8jzPde0IgxLd6GncfBA":                               "",
		"k8Hq2.Lm9xZ4wR7tY3.com":                             "", // upper case: not a host name
		"q8zx2lm9wv4t.b7nc3kd6rj5h":                          "",
		"Summer2024!":                                        "",
		"RockIt4Us!":                                         "",
		"M0nkeyBus1ness":                                     "",
		"f62e5bcda4fae4f82370da0c6f20697b8f8447ef":           "",
		"wJalrXUtnFEMI/K7MDENG+bPxRfiCYzq8Hw3Lm4p":           "",
		"Kq8Hw3Lzzzzzzzzzzzz":                                reasonMasked,
		"sha256~kV46hPnEYhCWFnB85r5NrprAxggzgb6GOeLbgcKNsH0": "",
		"c3ZjLWRlcGxveTpOMHQtUjNhbC1QdyE=":                   "", // svc-deploy:N0t-R3al-Pw!
		"Abc%d3ohc!J9d7tM":                                   "",
		"OBF:1vny1zlo1x8e1vnw1vn61x8g1zlu1vn4":               "",
		"aebfab88-7596-481d-82e8-c60c8f7de0c0":               "",
	} {
		if got := notSecret(v); got != want {
			t.Errorf("notSecret(%q) = %q, want %q", v, got, want)
		}
	}
}

// TestNotSecretSparesGenerated checks that no generated secret, whatever its
// alphabet, is taken for a placeholder: the checks cost no recall.
func TestNotSecretSparesGenerated(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	gens := map[string]func(*rand.Rand) string{
		"alnum": genAlnum, "password": genPassword, "hex": genHex, "base64": genBase64, "human": genHuman,
	}
	for name, gen := range gens {
		flagged := 0
		for range 5000 {
			v := gen(r)
			if why := notSecret(v); why != "" {
				flagged++
				if flagged <= 3 {
					t.Logf("%s: %q taken for %s", name, v, why)
				}
			}
		}
		// One in a thousand, at most: a random value now and then holds
		// a run such as xxxx.
		if flagged > 5 {
			t.Errorf("%s: %d of 5000 generated secrets taken for placeholders", name, flagged)
		}
	}
}

func TestEntropyFloor(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	generic, _ := e.Rule("generic-api-key")
	if got := generic.entropyFloor("097f003906900f0a0d5c70025504498057ecb469"); got != generic.entropy-hexEntropyRelief {
		t.Errorf("hex floor = %v, want %v", got, generic.entropy-hexEntropyRelief)
	}
	if got := generic.entropyFloor("u8jzPde0IgxLd6GncfBA"); got != generic.entropy {
		t.Errorf("base62 floor = %v, want %v", got, generic.entropy)
	}
	for _, r := range e.rules {
		if r.priority != priorityGeneric && r.entropyFloor("097f003906900f0a0d5c70025504498057ecb469") != r.entropy {
			t.Errorf("%s: entropy floor lowered for a rule that is not generic", r.meta.ID)
		}
	}
}

// FuzzNotSecret checks that the shape checks never panic, are
// deterministic, and name only known reasons.
func FuzzNotSecret(f *testing.F) {
	for _, s := range []string{"", "a", "%", "%s", "$", "__", "<>", "()", "x(", "abc[", "Zm9v", "s3cr3t", "aaaa", "…", "a-b_c", "\xff\xfe", "v1beta", "A1", "___", "_____"} {
		f.Add(s)
	}
	reasons := []string{"", reasonMasked, reasonRepeated, reasonTemplate, reasonExpression, reasonWords, reasonBase64Txt, reasonLeet, reasonHost}
	f.Fuzz(func(t *testing.T, v string) {
		got := notSecret(v)
		if !slices.Contains(reasons, got) {
			t.Fatalf("notSecret(%q) = %q: unknown reason", v, got)
		}
		if again := notSecret(v); again != got {
			t.Fatalf("notSecret(%q) = %q, then %q", v, got, again)
		}
		if got == reasonWords && strings.ContainsAny(v, "!#$^&*=~") {
			t.Fatalf("notSecret(%q): symbols are not word separators", v)
		}
	})
}

func TestAlphabetRun(t *testing.T) {
	for v, want := range map[string]bool{
		"sk_live_abcdefghijklmnopqrstuvwx":         true,
		"AKIAABCDEFGHIJKLMNOP":                     true,
		"ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789": true,
		"da2-abcdefghijklmnopqrstuvwxyz":           true,
		"abcdefghi":                                false, // nine letters
		"ghp_Zq8xL2mN9vB4kP7tR3wYc6Hd5Jf1Kg0Sa2ab": false,
		"xyzabcdefghi":                             false, // z does not run on to a
		"abcde-fghij":                              false,
	} {
		if got := alphabetRun(v); got != want {
			t.Errorf("alphabetRun(%q) = %v, want %v", v, got, want)
		}
	}
	// A generated secret never holds one.
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		if v := genAlnum(r); alphabetRun(v) {
			t.Fatalf("generated %q taken for a placeholder", v)
		}
	}
}
