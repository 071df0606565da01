package rules

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Field types of the libmacaroons v2 binary format.
const (
	macaroonEOS        = 0
	macaroonLocation   = 1
	macaroonIdentifier = 2
	macaroonVID        = 4
	macaroonSignature  = 6
)

var uuidShape = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// validPyPIMacaroon checks a PyPI API token: "pypi-" and an unpadded
// base64url macaroon in the libmacaroons v2 binary format (version 2; a
// location of pypi.org or test.pypi.org, an identifier, end of section;
// caveats, each an optional location, an identifier, an optional
// verification ID and an end of section; an end of caveats; a 32-byte
// signature; nothing after). It reports the location, the identifier when
// it is a UUID or JSON (Warehouse's database ID for the token), and what
// the first-party caveats restrict: the scope (user or project, and the
// project names) and the expiry. Never the signature.
func validPyPIMacaroon(token string) (Validity, map[string]string) {
	body, ok := strings.CutPrefix(token, "pypi-")
	if !ok {
		return Invalid, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(body, "="))
	if err != nil || len(raw) < 2 || raw[0] != 2 {
		return Invalid, nil
	}
	m := macaroonReader{b: raw[1:], ok: true}
	location := m.section(macaroonLocation)
	if !m.ok || location[macaroonIdentifier] == nil {
		return Invalid, nil
	}
	loc := string(location[macaroonLocation])
	if loc != "pypi.org" && loc != "test.pypi.org" {
		return Invalid, nil
	}
	var caveats [][]byte
	for m.ok && !m.eos() {
		c := m.section(macaroonLocation)
		if c[macaroonIdentifier] == nil {
			m.ok = false
		}
		if c[macaroonLocation] == nil && c[macaroonVID] == nil { // first-party
			caveats = append(caveats, c[macaroonIdentifier])
		}
	}
	typ, sig := m.field()
	if !m.ok || typ != macaroonSignature || len(sig) != 32 || len(m.b) != 0 {
		return Invalid, nil
	}
	facts := map[string]string{"location": loc}
	if id := string(location[macaroonIdentifier]); uuidShape.MatchString(id) || len(id) <= 256 && json.Valid([]byte(id)) && strings.HasPrefix(id, "{") {
		facts["identifier"] = id
	}
	pypiCaveatFacts(caveats, facts)
	return Valid, facts
}

// pypiCaveatFacts reads Warehouse's caveats: the current JSON arrays
// [tag, fields…] (0 expiration, 1 project names, 2 project IDs, 3 user,
// 4 trusted publisher) and the legacy {"version": 1, "permissions": …}.
func pypiCaveatFacts(caveats [][]byte, facts map[string]string) {
	scope := "user"
	var projects []string
	for _, c := range caveats {
		var arr []json.RawMessage
		if json.Unmarshal(c, &arr) == nil && len(arr) > 0 {
			var tag int
			if json.Unmarshal(arr[0], &tag) != nil {
				continue
			}
			switch tag {
			case 0:
				var exp int64
				if len(arr) > 1 && json.Unmarshal(arr[1], &exp) == nil && exp > 0 {
					at := time.Unix(exp, 0).UTC()
					facts["expires"] = at.Format(time.RFC3339)
					if at.Before(time.Now()) {
						facts["expired"] = "true"
					}
				}
			case 1:
				var names []string
				if len(arr) > 1 && json.Unmarshal(arr[1], &names) == nil {
					projects = append(projects, names...)
				}
				scope = "project"
			case 2:
				scope = "project"
			case 4:
				scope = "trusted-publisher"
			}
			continue
		}
		var legacy struct {
			Permissions json.RawMessage `json:"permissions"`
		}
		if json.Unmarshal(c, &legacy) != nil || legacy.Permissions == nil {
			continue
		}
		var perms struct {
			Projects []string `json:"projects"`
		}
		if json.Unmarshal(legacy.Permissions, &perms) == nil && perms.Projects != nil {
			scope = "project"
			projects = append(projects, perms.Projects...)
		}
	}
	facts["scope"] = scope
	if len(projects) > 0 {
		slices.Sort(projects)
		facts["projects"] = strings.Join(slices.Compact(projects), ",")
	}
}

type macaroonReader struct {
	b  []byte
	ok bool
}

func (m *macaroonReader) eos() bool {
	if len(m.b) > 0 && m.b[0] == macaroonEOS {
		m.b = m.b[1:]
		return true
	}
	return false
}

// field reads one field: a varint type, then (unless it is EOS) a varint
// length and that many bytes.
func (m *macaroonReader) field() (uint64, []byte) {
	typ, n := binary.Uvarint(m.b)
	if n <= 0 {
		m.ok = false
		return 0, nil
	}
	m.b = m.b[n:]
	if typ == macaroonEOS {
		return typ, nil
	}
	size, n := binary.Uvarint(m.b)
	if n <= 0 || size > uint64(len(m.b)-n) {
		m.ok = false
		return 0, nil
	}
	data := m.b[n : n+int(size)]
	m.b = m.b[n+int(size):]
	return typ, data
}

// section reads fields in increasing type order up to an EOS.
func (m *macaroonReader) section(first uint64) map[uint64][]byte {
	fields := map[uint64][]byte{}
	last := uint64(0)
	for {
		typ, data := m.field()
		if !m.ok || typ == macaroonEOS {
			return fields
		}
		if typ < first || typ <= last || typ == macaroonSignature {
			m.ok = false
			return fields
		}
		fields[typ], last = data, typ
	}
}
