package rules

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/pem"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/crypto/ssh"
)

// validPrivateKey checks a PEM private key (PKCS #1, SEC 1, DSA, PKCS #8,
// encrypted PKCS #8, OpenSSL's traditional encrypted PEM, OpenSSH), in any
// of the encodings the catalog's rules accept: real line breaks, one line
// with spaces, or literal "\n" escapes. A key that parses is Valid, with
// its type, size or curve and whether it is encrypted; a PUBLIC KEY or
// CERTIFICATE block is Invalid; a private-key block whose body does not
// parse (a fake body, a truncated key) is Unchecked: it is still a leak.
func validPrivateKey(secret string) (Validity, map[string]string) {
	b, ok := parsePEMText(keyText(secret))
	if !ok {
		return Invalid, nil
	}
	if strings.HasPrefix(b.label, "PGP ") {
		return validPGPPrivateKey(secret)
	}
	if !strings.Contains(b.label, "PRIVATE KEY") {
		return Invalid, nil // PUBLIC KEY, CERTIFICATE, EC PARAMETERS, …
	}
	if strings.Contains(b.headers["Proc-Type"], "ENCRYPTED") {
		return b.legacyEncrypted()
	}
	der, ok := decodeBase64(b.body)
	if !ok || len(der) == 0 {
		return Unchecked, b.labelFacts()
	}
	switch b.label {
	case "OPENSSH PRIVATE KEY":
		return openSSHPrivateKey(der)
	case "ENCRYPTED PRIVATE KEY":
		return encryptedPKCS8(der)
	}
	if len(der) > maxKeyDER {
		return Unchecked, b.labelFacts()
	}
	if facts, ok := parseDERPrivateKey(der, b.label); ok {
		facts["encrypted"] = "false"
		return Valid, facts
	}
	return Unchecked, b.labelFacts()
}

// maxKeyDER bounds the DER parsed as a private key: a 16384-bit RSA key
// is under 10 KB; anything larger is not a real key and would only make
// the checks (RSA key validation) slow.
const maxKeyDER = 12 << 10

// pemText is a PEM block read leniently: headers and body are taken from
// whitespace-separated tokens, so line structure does not matter.
type pemText struct {
	label   string
	headers map[string]string
	body    string // base64, whitespace removed
}

func parsePEMText(s string) (pemText, bool) {
	const begin = "-----BEGIN "
	i := strings.Index(s, begin)
	if i < 0 {
		return pemText{}, false
	}
	rest := s[i+len(begin):]
	j := strings.Index(rest, "-----")
	if j <= 0 || strings.ContainsAny(rest[:j], "\r\n") {
		return pemText{}, false
	}
	b := pemText{label: rest[:j], headers: map[string]string{}}
	rest = rest[j+5:]
	if k := strings.Index(rest, "-----END "); k >= 0 {
		rest = rest[:k]
	}
	var body strings.Builder
	fields := strings.Fields(rest)
	for k := 0; k < len(fields); k++ {
		f := fields[k]
		name, value, ok := strings.Cut(f, ":") // base64 has no colon
		if !ok {
			body.WriteString(f)
			continue
		}
		if value == "" && k+1 < len(fields) {
			k++
			value = fields[k]
		}
		b.headers[name] = value
	}
	b.body = body.String()
	return b, true
}

// labelFacts is what the label alone says about the key.
func (b pemText) labelFacts() map[string]string {
	facts := map[string]string{}
	switch b.label {
	case "RSA PRIVATE KEY":
		facts["key_type"] = "RSA"
	case "EC PRIVATE KEY":
		facts["key_type"] = "ECDSA"
	case "DSA PRIVATE KEY":
		facts["key_type"] = "DSA"
	}
	if b.label == "ENCRYPTED PRIVATE KEY" || strings.Contains(b.headers["Proc-Type"], "ENCRYPTED") {
		facts["encrypted"] = "true"
	}
	if len(facts) == 0 {
		return nil
	}
	return facts
}

// legacyCipherBlock is the block size of the ciphers OpenSSL's traditional
// PEM encryption (RFC 1421 DEK-Info) uses.
var legacyCipherBlock = map[string]int{
	"DES-CBC":      8,
	"DES-EDE3-CBC": 8,
	"AES-128-CBC":  16,
	"AES-192-CBC":  16,
	"AES-256-CBC":  16,
}

// legacyEncrypted checks a Proc-Type: 4,ENCRYPTED block: a known cipher,
// an IV of its block size, and a body of whole blocks.
func (b pemText) legacyEncrypted() (Validity, map[string]string) {
	facts := b.labelFacts()
	cipher, iv, _ := strings.Cut(b.headers["DEK-Info"], ",")
	size, known := legacyCipherBlock[strings.ToUpper(cipher)]
	raw, err := hex.DecodeString(iv)
	body, ok := decodeBase64(b.body)
	if !known || err != nil || len(raw) != size || !ok || len(body) == 0 || len(body)%size != 0 {
		return Unchecked, facts
	}
	facts["cipher"] = strings.ToLower(cipher)
	return Valid, facts
}

// parseDERPrivateKey tries the parsers the label suggests first, then the
// others (keys are sometimes mislabelled).
func parseDERPrivateKey(der []byte, label string) (map[string]string, bool) {
	parsers := []func([]byte) (map[string]string, bool){parsePKCS8, parsePKCS1, parseSEC1, parseDSA}
	first := map[string]int{"RSA PRIVATE KEY": 1, "EC PRIVATE KEY": 2, "DSA PRIVATE KEY": 3}[label]
	parsers[0], parsers[first] = parsers[first], parsers[0]
	for _, p := range parsers {
		if facts, ok := p(der); ok {
			return facts, true
		}
	}
	return nil, false
}

func parsePKCS1(der []byte) (map[string]string, bool) {
	k, err := x509.ParsePKCS1PrivateKey(der)
	if err != nil {
		return nil, false
	}
	return cryptoKeyFacts(k)
}

func parsePKCS8(der []byte) (map[string]string, bool) {
	if k, err := x509.ParsePKCS8PrivateKey(der); err == nil {
		return cryptoKeyFacts(k)
	}
	return parsePKCS8Other(der)
}

func parseSEC1(der []byte) (map[string]string, bool) {
	if k, err := x509.ParseECPrivateKey(der); err == nil {
		return cryptoKeyFacts(k)
	}
	// A curve crypto/x509 does not implement (secp256k1, Brainpool): check
	// the structure and name the curve.
	var k ecPrivateKey
	if rest, err := asn1.Unmarshal(der, &k); err != nil || len(rest) > 0 || !k.plausible() || k.Curve == nil {
		return nil, false
	}
	return map[string]string{"key_type": "ECDSA", "curve": curveName(k.Curve)}, true
}

// ecPrivateKey is RFC 5915's ECPrivateKey.
type ecPrivateKey struct {
	Version    int
	PrivateKey []byte
	Curve      asn1.ObjectIdentifier `asn1:"optional,explicit,tag:0"`
	PublicKey  asn1.BitString        `asn1:"optional,explicit,tag:1"`
}

func (k ecPrivateKey) plausible() bool {
	return k.Version == 1 && len(k.PrivateKey) >= 16 && len(k.PrivateKey) <= 72
}

// dsaPrivateKey is OpenSSL's DSA private key structure.
type dsaPrivateKey struct {
	Version       int
	P, Q, G, Y, X *big.Int
}

// parseDSA checks an OpenSSL DSA key, including that y = g^x mod p.
func parseDSA(der []byte) (map[string]string, bool) {
	var k dsaPrivateKey
	if rest, err := asn1.Unmarshal(der, &k); err != nil || len(rest) > 0 || k.Version != 0 {
		return nil, false
	}
	if k.P.Sign() <= 0 || k.P.BitLen() > 16384 || k.Q.Sign() <= 0 || k.Q.BitLen() > 512 ||
		k.G.Sign() <= 0 || k.G.Cmp(k.P) >= 0 || k.X.Sign() <= 0 || k.X.Cmp(k.Q) >= 0 {
		return nil, false
	}
	if new(big.Int).Exp(k.G, k.X, k.P).Cmp(k.Y) != 0 {
		return nil, false
	}
	return map[string]string{"key_type": "DSA", "bits": strconv.Itoa(k.P.BitLen())}, true
}

// cryptoKeyFacts describes a parsed key.
func cryptoKeyFacts(k any) (map[string]string, bool) {
	switch k := k.(type) {
	case *rsa.PrivateKey:
		return map[string]string{"key_type": "RSA", "bits": strconv.Itoa(k.N.BitLen())}, true
	case *ecdsa.PrivateKey:
		return map[string]string{"key_type": "ECDSA", "curve": k.Curve.Params().Name}, true
	case ed25519.PrivateKey, *ed25519.PrivateKey:
		return map[string]string{"key_type": "Ed25519"}, true
	case *ecdh.PrivateKey:
		if k.Curve() == ecdh.X25519() {
			return map[string]string{"key_type": "X25519"}, true
		}
		return map[string]string{"key_type": "ECDH"}, true
	}
	return nil, false
}

// pkcs8 is RFC 5958's OneAsymmetricKey, without its optional trailers.
type pkcs8 struct {
	Version    int
	Algo       pkix.AlgorithmIdentifier
	PrivateKey []byte
}

var (
	oidDSA        = asn1.ObjectIdentifier{1, 2, 840, 10040, 4, 1}
	oidECPublic   = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
	oidRSAPSS     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 10}
	oidX448       = asn1.ObjectIdentifier{1, 3, 101, 111}
	oidEd448      = asn1.ObjectIdentifier{1, 3, 101, 113}
	oidPBES2      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidScrypt     = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 11591, 4, 11}
	oidAES128CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	oidAES256CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
	oidDESEDE3CBC = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}
)

var curveNames = map[string]string{
	"1.3.132.0.33":          "P-224",
	"1.2.840.10045.3.1.7":   "P-256",
	"1.3.132.0.34":          "P-384",
	"1.3.132.0.35":          "P-521",
	"1.3.132.0.10":          "secp256k1",
	"1.3.36.3.3.2.8.1.1.7":  "brainpoolP256r1",
	"1.3.36.3.3.2.8.1.1.11": "brainpoolP384r1",
	"1.3.36.3.3.2.8.1.1.13": "brainpoolP512r1",
	"1.2.156.10197.1.301":   "SM2",
}

func curveName(oid asn1.ObjectIdentifier) string {
	if n, ok := curveNames[oid.String()]; ok {
		return n
	}
	return oid.String()
}

// parsePKCS8Other covers the PKCS #8 algorithms crypto/x509 does not parse:
// DSA, EC keys on other curves, RSASSA-PSS, Ed448 and X448.
func parsePKCS8Other(der []byte) (map[string]string, bool) {
	var k pkcs8
	if _, err := asn1.Unmarshal(der, &k); err != nil || k.Version > 1 || len(k.PrivateKey) == 0 {
		return nil, false
	}
	switch alg := k.Algo.Algorithm; {
	case alg.Equal(oidDSA):
		var params struct{ P, Q, G *big.Int }
		var x *big.Int
		if _, err := asn1.Unmarshal(k.Algo.Parameters.FullBytes, &params); err != nil || params.P.Sign() <= 0 {
			return nil, false
		}
		if _, err := asn1.Unmarshal(k.PrivateKey, &x); err != nil || x.Sign() <= 0 || x.Cmp(params.Q) >= 0 {
			return nil, false
		}
		return map[string]string{"key_type": "DSA", "bits": strconv.Itoa(params.P.BitLen())}, true
	case alg.Equal(oidECPublic):
		var curve asn1.ObjectIdentifier
		var inner ecPrivateKey
		if _, err := asn1.Unmarshal(k.Algo.Parameters.FullBytes, &curve); err != nil {
			return nil, false
		}
		if _, err := asn1.Unmarshal(k.PrivateKey, &inner); err != nil || !inner.plausible() {
			return nil, false
		}
		return map[string]string{"key_type": "ECDSA", "curve": curveName(curve)}, true
	case alg.Equal(oidRSAPSS):
		return parsePKCS1(k.PrivateKey)
	case alg.Equal(oidEd448), alg.Equal(oidX448):
		var raw []byte
		if _, err := asn1.Unmarshal(k.PrivateKey, &raw); err != nil || len(raw) != 57 && len(raw) != 56 {
			return nil, false
		}
		if alg.Equal(oidEd448) {
			return map[string]string{"key_type": "Ed448"}, true
		}
		return map[string]string{"key_type": "X448"}, true
	}
	return nil, false
}

// encryptedPKCS8 checks RFC 5958's EncryptedPrivateKeyInfo and names its
// encryption scheme; the key inside is out of reach without the passphrase.
func encryptedPKCS8(der []byte) (Validity, map[string]string) {
	facts := map[string]string{"encrypted": "true"}
	var e struct {
		Algo pkix.AlgorithmIdentifier
		Data []byte
	}
	if rest, err := asn1.Unmarshal(der, &e); err != nil || len(rest) > 0 || len(e.Data) == 0 {
		return Unchecked, facts
	}
	if !e.Algo.Algorithm.Equal(oidPBES2) {
		facts["encryption"] = e.Algo.Algorithm.String()
		return Valid, facts
	}
	var p struct{ KDF, Cipher pkix.AlgorithmIdentifier }
	if _, err := asn1.Unmarshal(e.Algo.Parameters.FullBytes, &p); err != nil {
		return Unchecked, facts
	}
	kdf := p.KDF.Algorithm.String()
	switch {
	case p.KDF.Algorithm.Equal(oidPBKDF2):
		kdf = "PBKDF2"
	case p.KDF.Algorithm.Equal(oidScrypt):
		kdf = "scrypt"
	}
	cipher, block := p.Cipher.Algorithm.String(), 1
	for _, c := range []struct {
		oid   asn1.ObjectIdentifier
		name  string
		block int
	}{{oidAES128CBC, "aes-128-cbc", 16}, {oidAES192CBC, "aes-192-cbc", 16}, {oidAES256CBC, "aes-256-cbc", 16}, {oidDESEDE3CBC, "des-ede3-cbc", 8}} {
		if p.Cipher.Algorithm.Equal(c.oid) {
			cipher, block = c.name, c.block
		}
	}
	if len(e.Data)%block != 0 {
		return Unchecked, facts
	}
	facts["encryption"] = "PBES2 (" + kdf + ", " + cipher + ")"
	return Valid, facts
}

// openSSHPrivateKey checks OpenSSH's key format (PROTOCOL.key): the
// envelope and its public key; for an unencrypted key, that the two check
// integers agree and, for the key types x/crypto/ssh knows, that the key
// itself parses.
func openSSHPrivateKey(der []byte) (Validity, map[string]string) {
	const magic = "openssh-key-v1\x00"
	if !strings.HasPrefix(string(der), magic) {
		return Unchecked, nil
	}
	r := sshReader(der[len(magic):])
	cipher, kdf := r.str(), r.str()
	r.str() // KDF options
	n := r.u32()
	pub := r.str()
	for i := uint32(1); i < n && r.okay(); i++ {
		r.str()
	}
	priv := r.str()
	if !r.okay() || n == 0 {
		return Unchecked, nil
	}
	facts, ok := sshPublicKeyFacts(pub)
	if !ok {
		return Unchecked, nil
	}
	if string(cipher) != "none" {
		facts["encrypted"] = "true"
		facts["cipher"] = string(cipher)
		if string(kdf) != "bcrypt" || len(priv) == 0 {
			return Unchecked, facts
		}
		return Valid, facts
	}
	facts["encrypted"] = "false"
	p := sshReader(priv)
	check1, check2, keyType := p.u32(), p.u32(), p.str()
	if !p.okay() || check1 != check2 || !strings.EqualFold(string(keyType), sshKeyType(pub)) {
		return Unchecked, facts
	}
	switch string(keyType) {
	case ssh.KeyAlgoRSA, ssh.KeyAlgoED25519, ssh.KeyAlgoECDSA256, ssh.KeyAlgoECDSA384, ssh.KeyAlgoECDSA521:
		block := pem.EncodeToMemory(&pem.Block{Type: "OPENSSH PRIVATE KEY", Bytes: der})
		if _, err := ssh.ParseRawPrivateKey(block); err != nil {
			return Unchecked, facts
		}
	}
	return Valid, facts
}

// sshReader reads SSH wire-format fields (RFC 4251 §5); a read past the
// end leaves it nil.
type sshReader []byte

func (r *sshReader) u32() uint32 {
	if len(*r) < 4 {
		*r = nil
		return 0
	}
	v := binary.BigEndian.Uint32(*r)
	*r = (*r)[4:]
	return v
}

func (r *sshReader) str() []byte {
	if len(*r) < 4 {
		*r = nil
		return nil
	}
	n := binary.BigEndian.Uint32(*r)
	if uint64(n) > uint64(len(*r)-4) {
		*r = nil
		return nil
	}
	s := (*r)[4 : 4+n]
	*r = (*r)[4+n:]
	return s
}

// okay is false once a read ran past the end (an exhausted reader is
// empty but not nil).
func (r sshReader) okay() bool { return r != nil }

func sshKeyType(blob []byte) string {
	r := sshReader(blob)
	return string(r.str())
}

// sshPublicKeyFacts describes an SSH public key blob: its type and size or
// curve.
func sshPublicKeyFacts(blob []byte) (map[string]string, bool) {
	r := sshReader(blob)
	t := string(r.str())
	facts := map[string]string{}
	switch t {
	case "ssh-rsa":
		r.str() // e
		facts["key_type"], facts["bits"] = "RSA", strconv.Itoa(mpintBits(r.str()))
	case "ssh-dss":
		facts["key_type"], facts["bits"] = "DSA", strconv.Itoa(mpintBits(r.str()))
	case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521":
		facts["key_type"], facts["curve"] = "ECDSA", "P-"+strings.TrimPrefix(string(r.str()), "nistp")
		if facts["curve"] != "P-"+strings.TrimPrefix(t, "ecdsa-sha2-nistp") {
			return nil, false
		}
		r.str() // Q
	case "sk-ecdsa-sha2-nistp256@openssh.com":
		facts["key_type"], facts["curve"] = "ECDSA-SK", "P-256"
		r.str()
		r.str()
	case "ssh-ed25519", "sk-ssh-ed25519@openssh.com":
		facts["key_type"] = "Ed25519"
		if t != "ssh-ed25519" {
			facts["key_type"] = "Ed25519-SK"
		}
		if k := r.str(); len(k) != ed25519.PublicKeySize || allZero(k) {
			return nil, false // an all-zero key is a placeholder
		}
	case "ssh-ed448":
		facts["key_type"] = "Ed448"
		if len(r.str()) != 57 {
			return nil, false
		}
	default:
		return nil, false
	}
	if !r.okay() || facts["bits"] == "0" {
		return nil, false
	}
	return facts, true
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// mpintBits is the bit length of an SSH mpint.
func mpintBits(b []byte) int {
	return new(big.Int).SetBytes(b).BitLen()
}

// decodeBase64 decodes standard base64, padded or not.
func decodeBase64(s string) ([]byte, bool) {
	if b, err := base64.StdEncoding.DecodeString(s); err == nil {
		return b, true
	}
	b, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "="))
	return b, err == nil
}

// literalGlue is what joins the string literals a key is written in, one
// per line, in source code: a closing quote, an operator (+ in Java, JS,
// Kotlin, C#; <> in Elixir; . or .. in PHP and Lua; & in VB; a comma in
// an array of lines), a line break, an opening quote. Python's implicit
// concatenation has no operator. The key rules' regexes spell the same.
var literalGlue = regexp.MustCompile("[\"'`][ \t]*(?:\\+|<>|\\.\\.?|&|,)?[ \t]*(?:\r?\n[ \t]*(?:\\+|<>|\\.|&)?[ \t]*)?[\"'`]")

// keyText returns a key block as text: the string literals it was written
// in joined, and the escapes it picked up unescaped.
func keyText(s string) string {
	if strings.ContainsAny(s, "\"'`") {
		s = literalGlue.ReplaceAllString(s, "")
	}
	return unescapeNewlines(s)
}

// unescapeNewlines turns the escapes a key picks up inside JSON, YAML or
// env strings back into text: a run of backslashes before n becomes a line
// break, before r nothing, before / a slash (JSON may escape it).
func unescapeNewlines(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '\\' {
			j++
		}
		if j < len(s) {
			switch s[j] {
			case 'n':
				b.WriteByte('\n')
				i = j + 1
				continue
			case 'r':
				i = j + 1
				continue
			case '/':
				b.WriteByte('/')
				i = j + 1
				continue
			}
		}
		b.WriteString(s[i:j])
		i = j
	}
	return b.String()
}
