"""PyQGIS (QGIS's own OAPIF provider) against the Features API: load the layer, count, read ids and names,
filter by extent. Usage: /usr/bin/python3 qgis_check.py <landing URL>. Prints one JSON object.
PyQGIS 3.22 crashes at interpreter exit unless layers are deleted and exitQgis() is called, so it ends
with os._exit."""
import json
import os
import sys

from qgis.core import QgsApplication, QgsFeatureRequest, QgsRectangle, QgsVectorLayer

url = sys.argv[1]
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
code = 1
try:
    layer = QgsVectorLayer(f"url='{url}' typename='sensors'", "sensors", "OAPIF")
    result = {"valid": layer.isValid()}
    if layer.isValid():
        features = list(layer.getFeatures())
        ids = sorted(int(f["id"]) if "id" in f.fields().names() else int(f.id()) for f in features)
        boxed = list(layer.getFeatures(QgsFeatureRequest().setFilterRect(QgsRectangle(5, 52, 6, 53))))
        result.update({
            "featureCount": layer.featureCount(),
            "crs": layer.crs().authid(),
            "fields": layer.fields().names(),
            "ids": ids,
            "names": sorted(f["name"] for f in features),
            "bboxNames": sorted(f["name"] for f in boxed),
            "extent": [layer.extent().xMinimum(), layer.extent().yMinimum(), layer.extent().xMaximum(), layer.extent().yMaximum()],
        })
        code = 0
    del layer
    print(json.dumps(result))
    sys.stdout.flush()
finally:
    app.exitQgis()
    os._exit(code)
