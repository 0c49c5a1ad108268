"""The annex's paragraphs, serialised a batch at a time and spliced into ``word/document.xml``.

A paragraph held in the document tree costs libxml2 about 2.8 KB (a turn's
label and text are ten nodes and three attributes): 20,000 turns took
183 MiB. Serialised, it is the 200-odd bytes it will be in the file. The
annex is built in a detached ``w:body`` a few hundred paragraphs at a time,
each batch serialised by lxml as the whole document would be (same
namespace prefix, same escaping), and the tree keeps a processing
instruction where the annex goes, replaced by the annex's bytes once the
document part is serialised.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from docx.oxml.ns import nsmap, qn
from lxml import etree

__all__ = ["AnnexSpill"]

#: Paragraphs built before a batch is serialised and let go.
BATCH = 256
_W_BODY, _W_P = qn("w:body"), qn("w:p")


class AnnexSpill:
    """Where annex paragraphs are built, off the document tree; see the module docstring."""

    def __init__(self, anchor: Any) -> None:
        """``anchor``: an element of the document, whose parser gives new elements python-docx's classes."""
        self.container: Any = anchor.makeelement(_W_BODY, nsmap={"w": nsmap["w"]})
        self.pending: list[bytes] = []
        self.annexes: list[bytes] = []
        # A marker no template can hold already: a name drawn afresh per document (it never reaches the file).
        self.target = "stenogram-annex-" + secrets.token_hex(8)
        self.marker = re.compile(rb"<\?" + self.target.encode("ascii") + rb" (\d+)\?>")

    def paragraph(self) -> Any:
        """A new, empty ``w:p`` at the end of the annex being written."""
        return etree.SubElement(self.container, _W_P)

    def place(self, element: Any) -> None:
        """Put a paragraph built elsewhere (a copy of a template) at the end of the annex."""
        self.container.append(element)

    def flush(self, *, every: int = BATCH) -> None:
        """Serialise the paragraphs built so far once there are ``every`` of them; call it between paragraphs."""
        if len(self.container) < max(every, 1):
            return
        data: bytes = etree.tostring(self.container, encoding="UTF-8", xml_declaration=False)
        head = data.index(b">") + 1  # the container's start tag: a namespace URI holds no ">"
        tail = len(b"</" + data[1 : data.index(b" ")] + b">")
        self.pending.append(data[head:-tail])
        del self.container[:]

    def close(self, before: Any) -> None:
        """End the annex: its bytes are kept, and a marker stands for them just before ``before``."""
        self.flush(every=1)
        self.annexes.append(b"".join(self.pending))
        self.pending = []
        before.addprevious(etree.ProcessingInstruction(self.target, str(len(self.annexes) - 1)))

    def splice(self, xml: bytes) -> bytes:
        """The serialised document part with each annex in place of its marker."""
        if not self.annexes:
            return xml
        pieces = self.marker.split(xml)
        if len(pieces) != 2 * len(self.annexes) + 1:
            raise AssertionError(f"{len(pieces) // 2} annex markers in document.xml for {len(self.annexes)} annexes")
        pieces[1::2] = [self.annexes[int(index)] for index in pieces[1::2]]
        return b"".join(pieces)
