package verify

import "net/http"

// pypi checks a PyPI API token for upload rights without uploading: it
// posts an upload with no file and no metadata. PyPI authenticates before
// it reads the form, so a live token gets 400 (the form is refused) and a
// dead one 403; nothing can be published.
// https://docs.pypi.org/api/upload/
func pypi() Verifier {
	return &httpCheck{
		name:        "pypi",
		rules:       []string{"pypi-upload-token"},
		method:      http.MethodPost,
		url:         "https://upload.pypi.org/legacy/",
		note:        "an empty upload form (no file, no metadata): authentication only",
		auth:        basicUser("__token__"),
		body:        ":action=file_upload&protocol_version=1",
		contentType: "application/x-www-form-urlencoded",
		judge: func(resp *Response) (Result, bool) {
			if resp.Status == http.StatusBadRequest {
				return verified("PyPI accepted the token and refused the empty upload", map[string]string{"scope": "upload"}), true
			}
			if resp.Status >= 200 && resp.Status < 300 {
				return unknown("PyPI accepted an empty upload form, which it should not"), true
			}
			return Result{}, false
		},
	}
}
