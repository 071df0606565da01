import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DATABASE_PASSWORD = os.getenv("DATABASE_PASSWORD", "")
API_KEY = settings.get("api_key")
password_reset_token_expiry = 3600
token = self.tokenizer.next_token()
AUTH_PASSWORD_VALIDATORS = []
DATABASES = {"default": {"PASSWORD": "${DB_PASSWORD}", "HOST": "localhost"}}
