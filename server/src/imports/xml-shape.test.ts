import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XmlShapeReader, xmlShape } from './xml-shape';

describe('xmlShape', () => {
  it('counts start and empty-element tags, and how deep elements nest', () => {
    expect(
      xmlShape('<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>Hai Bên</w:t></w:r></w:p><w:p/></w:body></w:document>'),
    ).toEqual({
      elements: 6,
      maxDepth: 5,
      declaresDoctype: false,
    });
  });

  it('reads `>` and `/>` inside quoted attribute values as text, so nesting cannot be hidden in them', () => {
    // Each <w:sdt> opens an element; counted as empty, 1 000 of them would read as depth 1.
    const hidden = `<r>${'<w:sdt w:tag="/>" w:alias=\'a>b\'>'.repeat(1000)}${'</w:sdt>'.repeat(1000)}</r>`;
    expect(xmlShape(hidden)).toEqual({ elements: 1001, maxDepth: 1001, declaresDoctype: false });
  });

  it('counts nothing inside comments, processing instructions and CDATA sections', () => {
    expect(xmlShape('<a><!-- <b><c> --><?pi <d> ?><![CDATA[ <e><f> ]]></a>')).toEqual({ elements: 1, maxDepth: 1, declaresDoctype: false });
  });

  it('notices a document type declaration (where entities that expand without end live)', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(xmlShape(laughs).declaresDoctype).toBe(true);
    expect(xmlShape('<a><!-- DOCTYPE --></a>').declaresDoctype).toBe(false);
  });

  it('reads a part cut into chunks anywhere the same as whole (a part is read as it is unpacked)', () => {
    const xml = Buffer.from(
      '<?xml version="1.0"?><w:document a="x/>y"><!-- c --><w:body><![CDATA[<x>]]><w:p w:b=\'1\'><w:r><w:t>Hữu Nghị</w:t></w:r></w:p><w:p/></w:body></w:document>',
    );
    const whole = xmlShape(xml);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 12 }), (cuts) => {
        const reader = new XmlShapeReader();
        const at = [0, ...cuts.sort((a, b) => a - b), xml.length];
        for (let i = 1; i < at.length; i += 1) reader.read(xml.subarray(at[i - 1], at[i]));
        expect(reader.shape()).toEqual(whole);
      }),
    );
  });
});
