# Writes an e-mail as a mail client would, with Python's standard email library.
import sys
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone

m = EmailMessage()
m["Subject"] = "Maintenance window on Saturday"
m["From"] = "Dana Ops <dana.ops@example.com>"
m["To"] = "platform@example.com"
m["Date"] = format_datetime(datetime(2026, 3, 14, 9, 30, tzinfo=timezone.utc))
m.set_content("""Hello all,

The database cluster will be upgraded on Saturday between 06:00 and 08:00 UTC. Billing will be read-only during the window.

> Can we move it to Sunday?
> That was asked last time too.

No, Sunday is the month-end close for finance.

Dana
""")
m.add_alternative("<p>Hello all,</p><p>The database cluster will be upgraded on Saturday between 06:00 and 08:00 UTC.</p>", subtype="html")
sys.stdout.write(m.as_string())
