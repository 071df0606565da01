package rules

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"strings"
)

// validPGPPrivateKey de-armors an OpenPGP block (RFC 9580 §6: headers, a
// base64 body, an optional CRC-24 line) and walks its packet headers. A
// complete packet stream holding a secret-key or secret-subkey packet is
// Valid, with the primary key's algorithm, size or curve, whether its
// secret part is encrypted, and its fingerprint; a complete stream with no
// secret key (a public key block) is Invalid; anything that does not
// decode or stops short is Unchecked. User IDs are never reported.
func validPGPPrivateKey(secret string) (Validity, map[string]string) {
	s := keyText(secret)
	i := strings.Index(s, "-----BEGIN PGP ")
	if i < 0 {
		return Invalid, nil
	}
	s = s[i+len("-----BEGIN PGP "):]
	j := strings.Index(s, "-----")
	if j < 0 {
		return Invalid, nil
	}
	s = s[j+5:]
	if k := strings.Index(s, "-----END PGP "); k >= 0 {
		s = s[:k]
	}
	var body strings.Builder
	var crc string
	for line := range strings.SplitSeq(s, "\n") {
		if isArmorHeader(line) {
			continue
		}
		for f := range strings.FieldsSeq(line) {
			if len(f) == 5 && f[0] == '=' {
				crc = f[1:]
				continue
			}
			body.WriteString(f)
		}
	}
	data, ok := decodeBase64(body.String())
	if !ok || len(data) == 0 {
		return Unchecked, nil
	}
	crcOK := true
	if crc != "" {
		sum, ok := decodeBase64(crc)
		crcOK = ok && len(sum) == 3 && uint32(sum[0])<<16|uint32(sum[1])<<8|uint32(sum[2]) == crc24(data)
	}
	w := walkPGPPackets(data)
	switch {
	case w.secret != nil:
		facts := pgpKeyFacts(w.secret)
		if w.complete && crcOK {
			return Valid, facts
		}
		return Unchecked, facts
	case w.complete:
		return Invalid, nil // public keys only, or no key at all
	}
	return Unchecked, nil
}

// isArmorHeader reports whether an armor line is a "Key: value" header;
// base64 lines hold neither colons nor spaces.
func isArmorHeader(line string) bool {
	name, _, ok := strings.Cut(strings.TrimSpace(line), ": ")
	if !ok || name == "" {
		return false
	}
	for _, c := range []byte(name) {
		if !(c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// crc24 is the armor checksum of RFC 9580 §6.1.1.
func crc24(data []byte) uint32 {
	crc := uint32(0xB704CE)
	for _, b := range data {
		crc ^= uint32(b) << 16
		for range 8 {
			crc <<= 1
			if crc&0x1000000 != 0 {
				crc ^= 0x1864CFB
			}
		}
	}
	return crc & 0xFFFFFF
}

type pgpWalk struct {
	secret   []byte // body of the first secret-key (or secret-subkey) packet, possibly cut short
	complete bool   // the packets filled the data exactly
}

// walkPGPPackets walks the packet headers (RFC 9580 §4.2: old and new
// formats, partial body lengths), noting the first secret-key packet.
func walkPGPPackets(data []byte) pgpWalk {
	var w pgpWalk
	secretTag := 0
	for len(data) > 0 {
		h := data[0]
		if h&0x80 == 0 {
			return w
		}
		var tag, n, hdr int
		partial := false
		if h&0x40 != 0 { // new format
			tag = int(h & 0x3f)
			if len(data) < 2 {
				return w
			}
			switch o := int(data[1]); {
			case o < 192:
				n, hdr = o, 2
			case o < 224:
				if len(data) < 3 {
					return w
				}
				n, hdr = (o-192)<<8+int(data[2])+192, 3
			case o == 255:
				if len(data) < 6 {
					return w
				}
				n, hdr = int(binary.BigEndian.Uint32(data[2:6])), 6
			default:
				n, hdr, partial = 1<<(o&0x1f), 2, true
			}
		} else { // old format
			tag = int(h>>2) & 0xf
			switch h & 3 {
			case 0:
				hdr = 2
			case 1:
				hdr = 3
			case 2:
				hdr = 5
			case 3:
				hdr, n = 1, len(data)-1 // indeterminate: to the end
			}
			if len(data) < hdr {
				return w
			}
			switch h & 3 {
			case 0:
				n = int(data[1])
			case 1:
				n = int(binary.BigEndian.Uint16(data[1:3]))
			case 2:
				n = int(binary.BigEndian.Uint32(data[1:5]))
			}
		}
		if tag == 0 {
			return w // reserved: not a packet stream
		}
		cut := n < 0 || n > len(data)-hdr
		body := data[hdr:]
		if !cut {
			body = body[:n]
		}
		if !partial && (tag == 5 && secretTag != 5 || tag == 7 && secretTag == 0) {
			w.secret, secretTag = body, tag
		}
		if cut {
			return w
		}
		data = data[hdr+n:]
		for partial { // further chunks of a partial-length body
			if len(data) < 1 {
				return w
			}
			switch o := int(data[0]); {
			case o < 192:
				n, hdr, partial = o, 1, false
			case o < 224:
				if len(data) < 2 {
					return w
				}
				n, hdr, partial = (o-192)<<8+int(data[1])+192, 2, false
			case o == 255:
				if len(data) < 5 {
					return w
				}
				n, hdr, partial = int(binary.BigEndian.Uint32(data[1:5])), 5, false
			default:
				n, hdr = 1<<(o&0x1f), 1
			}
			if n > len(data)-hdr {
				return w
			}
			data = data[hdr+n:]
		}
	}
	w.complete = true
	return w
}

var pgpAlgorithms = map[byte]string{
	1: "RSA", 2: "RSA", 3: "RSA", 16: "Elgamal", 17: "DSA", 18: "ECDH", 19: "ECDSA",
	22: "EdDSA", 25: "X25519", 26: "X448", 27: "Ed25519", 28: "Ed448",
}

var pgpCurves = map[string]string{
	"2a8648ce3d030107":     "P-256",
	"2b81040022":           "P-384",
	"2b81040023":           "P-521",
	"2b8104000a":           "secp256k1",
	"2b2403030208010107":   "brainpoolP256r1",
	"2b240303020801010b":   "brainpoolP384r1",
	"2b240303020801010d":   "brainpoolP512r1",
	"2b06010401da470f01":   "Ed25519",
	"2b060104019755010501": "Curve25519",
	"2b6571":               "Ed448",
	"2b656f":               "X448",
}

// pgpKeyFacts reads a key packet's public part (RFC 9580 §5.5.2):
// version, algorithm, then the algorithm's public fields, whose sizes give
// the key's bits or curve and the end of the public part. After it, a
// secret-key packet's S2K usage octet says whether the secret is encrypted.
func pgpKeyFacts(body []byte) map[string]string {
	if len(body) < 1 {
		return nil
	}
	ver := body[0]
	var pos int
	switch ver {
	case 2, 3:
		pos = 8
	case 4:
		pos = 6
	case 5, 6:
		pos = 10
	default:
		return nil
	}
	if len(body) < pos {
		return nil
	}
	algo := body[pos-1]
	if ver >= 5 {
		algo = body[5]
	}
	name, ok := pgpAlgorithms[algo]
	if !ok {
		return nil
	}
	facts := map[string]string{"key_algorithm": name}
	r := pgpReader{b: body, pos: pos, ok: true}
	switch name {
	case "RSA", "DSA", "Elgamal":
		facts["bits"] = strconv.Itoa(r.mpi())
		fields := map[string]int{"RSA": 1, "DSA": 3, "Elgamal": 2}[name]
		for range fields {
			r.mpi()
		}
	case "ECDH", "ECDSA", "EdDSA":
		oid := r.oid()
		if c, ok := pgpCurves[hex.EncodeToString(oid)]; ok {
			facts["curve"] = c
		}
		r.mpi()
		if name == "ECDH" {
			r.kdf()
		}
	default:
		r.skip(map[string]int{"X25519": 32, "X448": 56, "Ed25519": 32, "Ed448": 57}[name])
	}
	if !r.ok {
		return facts
	}
	pub := body[:r.pos]
	switch ver {
	case 4:
		h := sha1.New()
		h.Write([]byte{0x99, byte(len(pub) >> 8), byte(len(pub))})
		h.Write(pub)
		facts["key_fingerprint"] = strings.ToUpper(hex.EncodeToString(h.Sum(nil)))
	case 6:
		h := sha256.New()
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(pub)))
		h.Write([]byte{0x9b})
		h.Write(n[:])
		h.Write(pub)
		facts["key_fingerprint"] = strings.ToUpper(hex.EncodeToString(h.Sum(nil)))
	}
	if r.pos < len(body) {
		facts["encrypted"] = strconv.FormatBool(body[r.pos] != 0)
	}
	return facts
}

type pgpReader struct {
	b   []byte
	pos int
	ok  bool
}

func (r *pgpReader) skip(n int) {
	if !r.ok || n < 0 || n > len(r.b)-r.pos {
		r.ok = false
		return
	}
	r.pos += n
}

// mpi skips a multiprecision integer and returns its bit count.
func (r *pgpReader) mpi() int {
	if !r.ok || len(r.b)-r.pos < 2 {
		r.ok = false
		return 0
	}
	bits := int(binary.BigEndian.Uint16(r.b[r.pos:]))
	r.pos += 2
	r.skip((bits + 7) / 8)
	return bits
}

// oid reads a curve OID: a length octet (not 0 or 0xFF), then the OID.
func (r *pgpReader) oid() []byte {
	if !r.ok || r.pos >= len(r.b) || r.b[r.pos] == 0 || r.b[r.pos] == 0xff {
		r.ok = false
		return nil
	}
	n := int(r.b[r.pos])
	r.pos++
	start := r.pos
	r.skip(n)
	if !r.ok {
		return nil
	}
	return r.b[start:r.pos]
}

// kdf skips ECDH's KDF parameters: a length octet and that many octets.
func (r *pgpReader) kdf() {
	if !r.ok || r.pos >= len(r.b) {
		r.ok = false
		return
	}
	n := int(r.b[r.pos])
	r.pos++
	r.skip(n)
}
