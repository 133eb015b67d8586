"""The redirects' settings: where the maps servers read are written."""

from ..core.settings import Schema, Setting, relative_path
from .paths import FIELD

SCHEMA = Schema(
    "redirects",
    (
        Setting(
            "GUEST_SERIES_REDIRECTS_NETLIFY_SAVE_AS",
            "_redirects",
            "where Netlify's redirect map is written in the output folder; '' writes none",
            (str,),
            parse=relative_path,
        ),
        Setting(
            "GUEST_SERIES_REDIRECTS_NGINX_SAVE_AS",
            "redirects.nginx.conf",
            "where the nginx map of redirects is written; '' writes none",
            (str,),
            parse=relative_path,
        ),
    ),
    metadata_fields=(FIELD,),
)
