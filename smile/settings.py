"""SMILE settings, read from the environment (see .env.example for every variable).

Development defaults are safe and need nothing: SQLite in ./var, mail to the console. With
SMILE_ENV=production the settings refuse to load while the secret key is the default or debug is on.
"""

from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from smile.lib.crypto import field_encryption_keys
from smile.lib.env import ConfigurationError, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

SMILE_ENV = env_str("SMILE_ENV", "development")
if SMILE_ENV not in {"development", "production", "test"}:
    raise ConfigurationError(
        f"SMILE_ENV: expected development, production or test, got {SMILE_ENV!r}"
    )
PRODUCTION = SMILE_ENV == "production"

SECRET_KEY = env_str("SECRET_KEY", DEV_SECRET_KEY)
DEBUG = env_bool("DEBUG", not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])

if PRODUCTION:
    if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ConfigurationError(
            "SECRET_KEY: production needs its own secret key of at least 50 characters "
            '(python -c "import secrets; print(secrets.token_urlsafe(64))")'
        )
    if DEBUG:
        raise ConfigurationError("DEBUG: must be false in production")
    if not ALLOWED_HOSTS:
        raise ConfigurationError("ALLOWED_HOSTS: production needs the host names it serves")

# Keys that encrypt special-category answers (the life-situation check-in) in the database: the
# first encrypts, all decrypt, so a key can be rotated. Development derives one from SECRET_KEY;
# production refuses to start without its own (see smile/lib/crypto.py).
FIELD_ENCRYPTION_KEYS = field_encryption_keys(production=PRODUCTION, secret_key=SECRET_KEY)

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation asks: a column per language for the content
    # staff write for adepts (registered in smile/learning/translation.py).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_tasks_db",
    "smile.core",
    "smile.accounts",
    "smile.organisations",
    "smile.programmes",
    "smile.matching",
    "smile.learning",
    "smile.mentoring",
    "smile.notifications",
    "smile.privacy",
    "smile.equality",
    "smile.inclusion",
    "smile.belonging",
    "smile.training",
    "smile.leadership",
    "smile.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "smile.core.middleware.PrivateResponsesNotStoredMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "smile.accounts.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "smile.urls"
WSGI_APPLICATION = "smile.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "smile.portal.context_processors.shell",
            ],
            # Dates for people ({{ value|day }}, |moment, ...) in every template, no {% load %}.
            "builtins": ["smile.core.templatetags.when", "smile.core.templatetags.bidi"],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'smile.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
except Exception as error:  # dj-database-url raises several kinds; all mean a bad URL
    raise ConfigurationError(f"DATABASE_URL: {error}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The zero-set-up default keeps its file in ./var, which a fresh clone does not have yet.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;"
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
# Reset e-mails per address and reset requests per client address, in one window of seconds.
# The counters that limit password resets are kept in Django's cache. A table in the database
# serves every gunicorn worker and the worker alike, with no other service to run
# (`manage.py createcachetable` makes it; `make run` and the test database do so themselves).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": env_str("SMILE_CACHE_TABLE", "smile_cache"),
        # The homes keep one entry per person and role (see smile.portal.homes).
        "OPTIONS": {"MAX_ENTRIES": env_int("SMILE_CACHE_MAX_ENTRIES", 50_000, minimum=300)},
    }
}
# How long a person's home is kept at most while no data changes (0: read it every time).
HOME_CACHE_SECONDS = env_int("HOME_CACHE_SECONDS", 60, minimum=0)

PASSWORD_RESET_LIMIT_PER_ADDRESS = env_int("PASSWORD_RESET_LIMIT_PER_ADDRESS", 3, minimum=1)
PASSWORD_RESET_LIMIT_PER_CLIENT = env_int("PASSWORD_RESET_LIMIT_PER_CLIENT", 10, minimum=1)
PASSWORD_RESET_LIMIT_WINDOW = env_int("PASSWORD_RESET_LIMIT_WINDOW", 60 * 60, minimum=1)
# Where links in e-mails sent by the background worker point (no request to read it from).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14, minimum=1)
# Days a notice is kept once it is read or done (an unread one that is not done stays).
NOTIFICATION_RETENTION_DAYS = env_int("NOTIFICATION_RETENTION_DAYS", 180, minimum=1)
# Equality: the working days within which case handlers acknowledge a concern, and how many
# concerns and private-code look-ups one client address or account may make in one window.
EQUALITY_ACKNOWLEDGE_WORKING_DAYS = env_int("EQUALITY_ACKNOWLEDGE_WORKING_DAYS", 5, minimum=1)
EQUALITY_REPORT_LIMIT = env_int("EQUALITY_REPORT_LIMIT", 5, minimum=1)
EQUALITY_CODE_LOOKUP_LIMIT = env_int("EQUALITY_CODE_LOOKUP_LIMIT", 20, minimum=1)
EQUALITY_LIMIT_WINDOW = env_int("EQUALITY_LIMIT_WINDOW", 60 * 60, minimum=1)

# Login throttling: five failures lock the account-and-address pair for an hour, and twenty
# failures from any addresses lock the account itself (guesses spread over many machines).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_ACCOUNT_FAILURE_LIMIT = env_int("AXES_ACCOUNT_FAILURE_LIMIT", 20, minimum=AXES_FAILURE_LIMIT)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_HANDLER = "smile.accounts.lockout.AccountLockoutHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"

OTP_TOTP_ISSUER = "SMILE"

# Languages: Swedish first. Tigrinya, Somali and Dari are not in Django's own table.
LANG_INFO.update(
    {
        "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
        "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
        "prs": {"bidi": True, "code": "prs", "name": "Dari", "name_local": "دری"},
    }
)
LANGUAGE_CODE = "sv"
LANGUAGES = [
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("uk", _("Ukrainian")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("prs", _("Dari")),
    ("fa", _("Persian")),
]
LANGUAGES_BIDI = ["ar", "fa", "prs"]
# Content in the adept's language (django-modeltranslation): Swedish is the source every text
# has; a reader sees her language's version or else the Swedish one (smile/learning/content.py).
MODELTRANSLATION_DEFAULT_LANGUAGE = "sv"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("sv",)
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "smile_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Machine translation, on a reader's request, of what people write to each other (meeting notes,
# things to do, support messages): the address of a LibreTranslate the operator runs herself (the
# texts can be special-category data), and its API key if it asks for one. Empty, the default: no
# page offers a translation.
TRANSLATION_SERVICE_URL = env_str("TRANSLATION_SERVICE_URL", "").strip()
if TRANSLATION_SERVICE_URL and not TRANSLATION_SERVICE_URL.startswith(("http://", "https://")):
    raise ConfigurationError(
        f"TRANSLATION_SERVICE_URL: expected an http:// or https:// address, "
        f"got {TRANSLATION_SERVICE_URL!r}"
    )
TRANSLATION_SERVICE_KEY = env_str("TRANSLATION_SERVICE_KEY", "")
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = BASE_DIR / "var" / "media"
if not PRODUCTION:
    # Served from the source folders in development and tests; the folder only quiets WhiteNoise.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    WHITENOISE_USE_FINDERS = True

_MAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
_MAIL_OPTIONS: dict[str, object] = {}
if _MAIL_BACKEND.endswith("smtp.EmailBackend"):
    _MAIL_OPTIONS = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25, minimum=1),
        "username": env_str("EMAIL_HOST_USER", ""),
        "password": env_str("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
    }
MAILERS = {"default": {"BACKEND": _MAIL_BACKEND, "OPTIONS": _MAIL_OPTIONS}}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "SMILE <noreply@smile.localhost>")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Content-Security-Policy: nothing inline, nothing from other origins.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8, minimum=60)
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading is a promise about every subdomain that only the operator can make.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
CSRF_FAILURE_VIEW = "smile.core.views.csrf_failure"
AXES_VERBOSE = False
