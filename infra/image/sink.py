"""A loopback CloudEvents sink for infra/image/smoke.sh: answers every POST 200 and appends the
event's ce-id, ce-type and body to the file named by its second argument."""
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0))).decode()
        with open(sys.argv[2], "a") as out:
            out.write(f"ce-id={self.headers.get('ce-id')} ce-type={self.headers.get('ce-type')} body={body}\n")
        self.send_response(200)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


host, port = sys.argv[1].rsplit(":", 1)
HTTPServer((host, int(port)), Sink).serve_forever()
